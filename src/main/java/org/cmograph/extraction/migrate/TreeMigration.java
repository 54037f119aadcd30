package org.cmograph.extraction.migrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.cmograph.extraction.QuotedSpeech;

/**
 * Converts a first-format extraction held as a JSON tree (a {@code .json} file, or YAML written as
 * one flow mapping). JSON has no comments, so each decision to check is returned as a message with
 * the JSON Pointer of the place it concerns, for the command to print.
 */
final class TreeMigration {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final Function<String, Optional<String>> sources;
  private final List<String> checks = new ArrayList<>();

  private final java.util.function.Predicate<String> knownMechanism;

  TreeMigration(
      Function<String, Optional<String>> sources,
      java.util.function.Predicate<String> knownMechanism) {
    this.knownMechanism = knownMechanism;
    this.sources = sources;
  }

  List<String> checks() {
    return checks;
  }

  ObjectNode migrate(ObjectNode in) {
    ObjectNode contexts = F.objectNode();
    ObjectNode outcomes = F.objectNode();
    ArrayNode cmocs = F.arrayNode();
    JsonNode oldCmocs = in.path("cmocs");
    for (int i = 0; i < oldCmocs.size(); i++) {
      JsonNode cmoc = oldCmocs.get(i);
      cmocs.add(
          cmoc.isObject()
              ? migrateCmoc((ObjectNode) cmoc, "/cmocs/" + i, contexts, outcomes)
              : cmoc);
    }
    for (Iterator<String> ids = outcomes.fieldNames(); ids.hasNext(); ) {
      String id = ids.next();
      if (contexts.has(id)) {
        check("/outcomes", Checks.sharedId(id));
      }
    }
    String sourceText =
        in.path("source").path("file").isTextual()
            ? sources.apply(in.path("source").path("file").asText()).orElse(null)
            : null;
    ObjectNode out = F.objectNode();
    out.put("format", 2);
    for (Map.Entry<String, JsonNode> field : in.properties()) {
      String key = field.getKey();
      if (key.equals("cmocs")) {
        if (!contexts.isEmpty()) {
          out.set("contexts", values(contexts));
        }
        if (!outcomes.isEmpty()) {
          out.set("outcomes", values(outcomes));
        }
        out.set("cmocs", oldCmocs.isArray() ? cmocs : field.getValue());
      } else if (key.equals("evidence") && field.getValue().isArray()) {
        ArrayNode evidence = F.arrayNode();
        for (int i = 0; i < field.getValue().size(); i++) {
          JsonNode item = field.getValue().get(i);
          evidence.add(
              item.isObject()
                  ? migrateEvidence((ObjectNode) item, "/evidence/" + i, sourceText)
                  : item);
        }
        out.set(key, evidence);
      } else {
        out.set(key, field.getValue());
      }
    }
    return out;
  }

  private ObjectNode migrateCmoc(
      ObjectNode cmoc, String at, ObjectNode contexts, ObjectNode outcomes) {
    String cmocId = cmoc.path("id").asText("?");
    ObjectNode out = F.objectNode();
    String kindAfter = cmoc.has("statement") ? "statement" : cmoc.has("label") ? "label" : "id";
    for (Map.Entry<String, JsonNode> field : cmoc.properties()) {
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (key.equals("contexts") && isInline(value)) {
        ArrayNode links = F.arrayNode();
        for (int i = 0; i < value.size(); i++) {
          ObjectNode context = ((ObjectNode) value.get(i)).deepCopy();
          JsonNode role = context.remove("role");
          String id = context.path("id").asText();
          keep(contexts, context, "context", cmocId, "/contexts");
          ObjectNode link = F.objectNode().put("context", id);
          if (role == null) {
            link.put("role", "enabling");
            check(at + "/contexts/" + i, Checks.ROLE_NOT_STATED);
          } else {
            link.set("role", role);
          }
          links.add(link);
        }
        out.set(key, links);
      } else if (key.equals("outcomes") && isInline(value)) {
        ArrayNode ids = F.arrayNode();
        for (JsonNode outcome : value) {
          keep(outcomes, (ObjectNode) outcome, "outcome", cmocId, "/outcomes");
          ids.add(outcome.path("id"));
        }
        out.set(key, ids);
      } else if (key.equals("mechanism") && value.isObject()) {
        out.set(key, migrateMechanism((ObjectNode) value, at + "/mechanism"));
      } else {
        out.set(key, value);
      }
      if (key.equals(kindAfter) && !cmoc.has("kind")) {
        out.put("kind", "configuration");
      }
    }
    return out;
  }

  private ObjectNode migrateMechanism(ObjectNode mechanism, String at) {
    ObjectNode out = F.objectNode();
    mechanism
        .properties()
        .forEach(
            f -> out.set(f.getKey().equals("response") ? "reasoning" : f.getKey(), f.getValue()));
    String concept = out.path("concept").asText(null);
    if (concept != null && !knownMechanism.test(concept)) {
      check(at + "/concept", Checks.conceptNotInCatalogue(concept));
    }
    ArrayNode missing = F.arrayNode();
    if (!out.has("resource")) {
      missing.add("resource");
    }
    if (!out.has("reasoning")) {
      missing.add("reasoning");
    }
    if (!missing.isEmpty() && !out.has("not_reported")) {
      out.set("not_reported", missing);
      check(at, Checks.NOT_REPORTED);
    }
    return out;
  }

  private ObjectNode migrateEvidence(ObjectNode item, String at, String sourceText) {
    ObjectNode out = F.objectNode();
    String quote = item.path("quote").asText("");
    String kindAfter = item.has("cmoc") ? "cmoc" : "id";
    for (Map.Entry<String, JsonNode> field : item.properties()) {
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (key.equals("cmoc") && !item.has("cmocs")) {
        out.set("cmocs", F.arrayNode().add(value));
      } else if (key.equals("about") && value.isArray()) {
        ArrayNode about = F.arrayNode();
        value.forEach(v -> about.add(v.asText().equals("response") ? F.textNode("reasoning") : v));
        out.set(key, about);
      } else {
        out.set(key, value);
      }
      if (key.equals(kindAfter) && !item.has("kind")) {
        out.put("kind", "finding");
        Checks.kindCue(quote).ifPresent(c -> check(at, c));
      }
    }
    if (sourceText != null
        && item.path("speaker").asText().equals("participant")
        && QuotedSpeech.isQuoted(sourceText, quote).equals(Optional.of(false))) {
      check(at + "/speaker", Checks.PARTICIPANT_NOT_QUOTED);
    }
    return out;
  }

  private static boolean isInline(JsonNode list) {
    if (!list.isArray() || list.isEmpty()) {
      return false;
    }
    for (JsonNode item : list) {
      if (!item.isObject() || !item.path("id").isTextual()) {
        return false;
      }
    }
    return true;
  }

  /** Keeps the first copy of a study-level item; a different later copy becomes a check. */
  private void keep(ObjectNode kept, ObjectNode item, String what, String cmocId, String listAt) {
    String id = item.path("id").asText();
    JsonNode first = kept.get(id);
    if (first == null) {
      kept.set(id, item);
      return;
    }
    if (!first.equals(item)) {
      Map<String, String> differing = new LinkedHashMap<>();
      List<String> keys = new ArrayList<>();
      first.fieldNames().forEachRemaining(keys::add);
      item.fieldNames()
          .forEachRemaining(
              k -> {
                if (!keys.contains(k)) keys.add(k);
              });
      for (String k : keys) {
        if (!first.path(k).equals(item.path(k))) {
          differing.put(k, item.has(k) ? text(item.get(k)) : null);
        }
      }
      check(listAt + " (" + id + ")", Checks.duplicate(what, id, cmocId, differing));
    }
  }

  private static String text(JsonNode n) {
    return n.isValueNode() ? n.asText() : n.toString();
  }

  private static ArrayNode values(ObjectNode byId) {
    ArrayNode list = F.arrayNode();
    byId.forEach(list::add);
    return list;
  }

  private void check(String pointer, String message) {
    checks.add(pointer + ": " + message);
  }

  /** Two-space indented JSON with one value per line, as people write extraction JSON. */
  static String write(JsonNode root, String nl) {
    DefaultIndenter indenter = new DefaultIndenter("  ", nl);
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    try {
      return new ObjectMapper().writer(printer).writeValueAsString(root) + nl;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
