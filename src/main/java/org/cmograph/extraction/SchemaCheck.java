package org.cmograph.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.cmograph.util.Suggest;

/**
 * Checks a document against a JSON Schema shipped in the repository (the single source of truth for
 * the file format) and turns the validator's findings into positioned problems whose messages speak
 * the researcher's language.
 */
public final class SchemaCheck {
  /** The extraction file schema, on the classpath as {@code schema/extraction.schema.json}. */
  public static final String EXTRACTION_SCHEMA = "schema/extraction.schema.json";

  private final JsonNode schemaNode;
  private final JsonSchema schema;

  public SchemaCheck(String resource) {
    try (InputStream in = SchemaCheck.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("schema resource not found: " + resource);
      }
      this.schemaNode = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .build();
    this.schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(schemaNode, config);
  }

  public static SchemaCheck extraction() {
    return new SchemaCheck(EXTRACTION_SCHEMA);
  }

  /** The parsed schema, for tools that read its enums and descriptions. */
  public JsonNode schemaNode() {
    return schemaNode;
  }

  public List<Problem> check(PositionedDocument doc) {
    Set<ValidationMessage> messages = schema.validate(doc.root());
    List<Problem> problems = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (ValidationMessage m : messages) {
      String evaluation = String.valueOf(m.getEvaluationPath());
      if (evaluation.contains("/oneOf/") || m.getType().equals("format")) {
        continue; // oneOf: reported once by itself; format: StudyChecks explains dates
      }
      Problem p = toProblem(doc, m);
      if (p != null && seen.add(p.format())) {
        problems.add(p);
      }
    }
    return problems;
  }

  private Problem toProblem(PositionedDocument doc, ValidationMessage m) {
    String at = m.getInstanceLocation().toString();
    String where = PositionedDocument.display(at);
    JsonNode value = m.getInstanceNode();
    JsonNode rule = m.getSchemaNode();
    String field = lastName(at);
    switch (m.getType()) {
      case "required":
        {
          String missing = m.getProperty();
          return Problem.error(
              doc.file(),
              doc.keyAt(at),
              "MISSING-FIELD",
              (at.isEmpty() ? "" : where + ": ") + "missing required field '" + missing + "'");
        }
      case "additionalProperties":
        {
          String key = m.getProperty();
          String pointer = PositionedDocument.child(at, key);
          List<String> allowed = new ArrayList<>();
          JsonNode props = parentSchemaProperties(m);
          if (props != null) {
            props.fieldNames().forEachRemaining(allowed::add);
          }
          String hint = Suggest.didYouMean(key, allowed);
          String known = allowed.isEmpty() ? "" : " (allowed: " + String.join(", ", allowed) + ")";
          return Problem.error(
              doc.file(),
              doc.keyAt(pointer),
              "UNKNOWN-KEY",
              "unknown key '"
                  + printable(key)
                  + "'"
                  + (at.isEmpty() ? "" : " in " + where)
                  + hint
                  + known);
        }
      case "type":
        return Problem.error(
            doc.file(),
            doc.valueAt(at),
            "WRONG-TYPE",
            where + " should be " + describeType(rule) + ", found " + describeValue(value));
      case "enum":
        {
          List<String> allowed = new ArrayList<>();
          rule.forEach(v -> allowed.add(v.asText()));
          String hint = Suggest.didYouMean(value.asText(), allowed);
          return Problem.error(
              doc.file(),
              doc.valueAt(at),
              "NOT-IN-VOCABULARY",
              where
                  + ": "
                  + describeValue(value)
                  + " is not one of "
                  + String.join(", ", allowed)
                  + hint);
        }
      case "pattern":
        return patternProblem(doc, at, where, field, value);
      case "minLength":
        return Problem.error(
            doc.file(), doc.valueAt(at), "EMPTY-VALUE", where + " must not be empty");
      case "maxLength":
        return Problem.error(
            doc.file(),
            doc.valueAt(at),
            "BAD-ID",
            where + ": '" + value.asText() + "' is longer than " + rule.asText() + " characters");
      case "minItems":
        return Problem.error(
            doc.file(),
            doc.valueAt(at),
            "EMPTY-LIST",
            where + " needs at least " + rule.asText() + " item(s)");
      case "minimum":
      case "maximum":
        {
          // Decided here, exactly: the validator's own arithmetic overflows on 1e999999999.
          boolean below =
              value.isNumber() && rule.isNumber()
                  ? value.decimalValue().compareTo(rule.decimalValue()) < 0
                  : m.getType().equals("minimum");
          JsonNode bounds = ruleParent(m);
          String bound = bounds.path(below ? "minimum" : "maximum").asText("");
          return Problem.error(
              doc.file(),
              doc.valueAt(at),
              field.equals("year") ? "BAD-YEAR" : "OUT-OF-RANGE",
              where
                  + ": "
                  + value.asText()
                  + " is "
                  + (below ? "below the minimum " : "above the maximum ")
                  + (bound.isEmpty() ? rule.asText() : bound));
        }
      case "format":
        return Problem.error(
            doc.file(),
            doc.valueAt(at),
            "BAD-DATE",
            where + ": '" + value.asText() + "' is not a real date (YYYY-MM-DD)");
      case "oneOf":
        if (at.equals("/source")) {
          return Problem.error(
              doc.file(),
              doc.valueAt(at),
              "SOURCE-REQUIRED",
              "source needs exactly one of 'file' (a text under data/sources/) or"
                  + " 'unavailable_reason'");
        }
        return Problem.error(doc.file(), doc.valueAt(at), "SCHEMA", where + ": " + m.getMessage());
      default:
        return Problem.error(
            doc.file(), doc.valueAt(at), "SCHEMA", where + ": " + stripPath(m.getMessage()));
    }
  }

  private Problem patternProblem(
      PositionedDocument doc, String at, String where, String field, JsonNode value) {
    String v = value.asText();
    if (field.equals("doi")) {
      return Problem.error(
          doc.file(),
          doc.valueAt(at),
          "BAD-DOI",
          where
              + ": '"
              + v
              + "' is not a DOI; write it as 10.NNNN/suffix, without https://doi.org/");
    }
    if (field.equals("trial_registration")) {
      return Problem.error(
          doc.file(),
          doc.valueAt(at),
          "BAD-TRIAL-ID",
          where
              + ": '"
              + v
              + "' is not a trial registration id (e.g. ISRCTN12345678, NCT01234567)");
    }
    if (field.equals("file")) {
      return Problem.error(
          doc.file(),
          doc.valueAt(at),
          "BAD-SOURCE-NAME",
          where + ": '" + v + "' must be a plain .txt file name inside data/sources/");
    }
    if (field.equals("date")) {
      return Problem.error(
          doc.file(),
          doc.valueAt(at),
          "BAD-DATE",
          where + ": '" + printable(v) + "' is not a date in the form YYYY-MM-DD");
    }
    return Problem.error(
        doc.file(),
        doc.valueAt(at),
        "BAD-ID",
        where
            + ": '"
            + printable(v)
            + "' is not a valid id"
            + foreignCharacter(v)
            + "; use lower-case letters, digits and single hyphens"
            + " (e.g. 'trusting-relationship')");
  }

  /**
   * Names the first character outside ASCII, so that a look-alike (Cyrillic 'а' for Latin 'a', a
   * zero-width space) is visible in the message although it is invisible in the file.
   */
  private static String foreignCharacter(String v) {
    OptionalInt c = v.codePoints().filter(x -> x > 0x7E || x < 0x20).findFirst();
    if (c.isEmpty()) {
      return "";
    }
    String name = Character.getName(c.getAsInt());
    return ": it contains "
        + String.format("U+%04X", c.getAsInt())
        + (name == null ? "" : " " + name);
  }

  /** The schema object holding the keyword that produced {@code m}. */
  private JsonNode ruleParent(ValidationMessage m) {
    String location = String.valueOf(m.getSchemaLocation());
    int hash = location.indexOf('#');
    String fragment = hash >= 0 ? location.substring(hash + 1) : "";
    int slash = fragment.lastIndexOf('/');
    return slash > 0 ? schemaNode.at(fragment.substring(0, slash)) : schemaNode;
  }

  /** The 'properties' object of the schema whose additionalProperties rejected a key. */
  private JsonNode parentSchemaProperties(ValidationMessage m) {
    String location = String.valueOf(m.getSchemaLocation());
    int hash = location.indexOf('#');
    String fragment = hash >= 0 ? location.substring(hash + 1) : "";
    if (fragment.endsWith("/additionalProperties")) {
      fragment = fragment.substring(0, fragment.length() - "/additionalProperties".length());
    }
    JsonNode node = fragment.isEmpty() ? schemaNode : schemaNode.at(fragment);
    JsonNode props = node.path("properties");
    return props.isObject() ? props : null;
  }

  private static String describeType(JsonNode rule) {
    String t = rule.isArray() ? rule.get(0).asText() : rule.asText();
    switch (t) {
      case "object":
        return "a mapping (key: value lines)";
      case "array":
        return "a list";
      case "integer":
        return "a whole number";
      case "string":
        return "text";
      case "boolean":
        return "true or false";
      default:
        return t;
    }
  }

  static String describeValue(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "nothing";
    }
    if (value.isNull()) {
      return "an empty value";
    }
    if (value.isObject()) {
      return "a mapping";
    }
    if (value.isArray()) {
      return "a list";
    }
    if (value.isTextual()) {
      return "'" + printable(value.textValue()) + "'";
    }
    return value.toString();
  }

  static String printable(String s) {
    StringBuilder out = new StringBuilder();
    Iterator<Integer> it = s.codePoints().iterator();
    int count = 0;
    while (it.hasNext() && count++ < 80) {
      int c = it.next();
      int type = Character.getType(c);
      if (Character.isISOControl(c)
          || type == Character.SURROGATE
          || type == Character.FORMAT
          || type == Character.UNASSIGNED) {
        out.append(String.format("\\u%04X", c));
      } else {
        out.appendCodePoint(c);
      }
    }
    return it.hasNext() ? out + "..." : out.toString();
  }

  private static String lastName(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash >= 0 ? pointer.substring(slash + 1) : pointer;
  }

  private static String stripPath(String message) {
    int colon = message.indexOf(": ");
    return colon >= 0 ? message.substring(colon + 2) : message;
  }
}
