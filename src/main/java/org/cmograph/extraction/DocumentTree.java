package org.cmograph.extraction;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a document's node tree from parser events, recording the position of every key and value
 * and reporting duplicate keys; and the refusals that stop reading.
 */
final class DocumentTree {
  final Path file;
  final List<Problem> problems;
  final Map<String, Position> valuePositions = new HashMap<>();
  final Map<String, Position> keyPositions = new HashMap<>();
  final JsonNodeFactory nodes = JsonNodeFactory.instance;

  /** Above zero while reading the value of a duplicate key, which is checked but not kept. */
  int discarding;

  DocumentTree(Path file, List<Problem> problems) {
    this.file = file;
    this.problems = problems;
  }

  JsonNode value(JsonParser p, String pointer, int depth) throws IOException {
    Position at = DocumentReader.position(p.currentTokenLocation());
    if (discarding == 0) {
      valuePositions.put(pointer, at);
    }
    if (depth > DocumentReader.MAX_DEPTH) {
      throw new TooDeep(at);
    }
    JsonToken token = p.currentToken();
    switch (token) {
      case START_OBJECT:
        {
          ObjectNode object = nodes.objectNode();
          Map<String, Position> firstAt = new HashMap<>();
          int keys = 0;
          while (next(p) == JsonToken.FIELD_NAME) {
            if (++keys > DocumentReader.MAX_KEYS) {
              throw new Refused(
                  DocumentReader.position(p.currentTokenLocation()),
                  "TOO-MANY-KEYS",
                  "this mapping has more than "
                      + DocumentReader.MAX_KEYS
                      + " keys; no part of an extraction has more than a few dozen");
            }
            String name = p.currentName();
            String child = PositionedDocument.child(pointer, name);
            Position keyAt = DocumentReader.position(p.currentTokenLocation());
            checkCharacters(name, keyAt);
            next(p);
            Position first = firstAt.putIfAbsent(name, keyAt);
            if (first != null) {
              problems.add(
                  Problem.error(
                      file,
                      keyAt,
                      "DUPLICATE-KEY",
                      "key '"
                          + SchemaCheck.printable(name)
                          + "' appears twice in this mapping (first at line "
                          + first.line()
                          + ")"));
              discarding++;
              try {
                value(p, child, depth + 1);
              } finally {
                discarding--;
              }
            } else {
              if (discarding == 0) {
                keyPositions.put(child, keyAt);
              }
              object.set(name, value(p, child, depth + 1));
            }
          }
          return object;
        }
      case START_ARRAY:
        {
          ArrayNode array = nodes.arrayNode();
          int index = 0;
          while (next(p) != JsonToken.END_ARRAY) {
            array.add(value(p, PositionedDocument.child(pointer, index++), depth + 1));
          }
          return array;
        }
      case VALUE_STRING:
        if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
          // The YAML parser hands an alias over as its anchor's name: a silently wrong value.
          throw new AliasFound(at, p.getText());
        }
        checkCharacters(p.getText(), at);
        return nodes.textNode(p.getText());
      case VALUE_NUMBER_INT:
        return nodes.numberNode(p.getBigIntegerValue());
      case VALUE_NUMBER_FLOAT:
        return floatingPoint(p);
      case VALUE_TRUE:
        return nodes.booleanNode(true);
      case VALUE_FALSE:
        return nodes.booleanNode(false);
      case VALUE_NULL:
        return nodes.nullNode();
      default:
        return nodes.textNode(String.valueOf(p.getText()));
    }
  }

  /** The next token; a number too long to convert is refused where it stands. */
  private static JsonToken next(JsonParser p) throws IOException {
    try {
      return p.nextToken();
    } catch (StreamConstraintsException e) {
      throw new Refused(
          DocumentReader.position(p.currentLocation()),
          "OUT-OF-RANGE",
          "a number longer than "
              + DocumentReader.MAX_NUMBER_DIGITS
              + " digits; no field takes one");
    }
  }

  /** YAML's .nan and .inf have no decimal value; they stay text, which no number field takes. */
  private JsonNode floatingPoint(JsonParser p) throws IOException {
    try {
      return nodes.numberNode(p.getDecimalValue());
    } catch (JsonProcessingException | NumberFormatException e) {
      return nodes.textNode(p.getText());
    }
  }

  private void checkCharacters(String text, Position at) {
    YamlTextProblems.unfitCharacter(text)
        .ifPresent(
            c ->
                problems.add(
                    Problem.error(
                        file,
                        at,
                        "BAD-CHARACTER",
                        "text contains "
                            + c
                            + ", which cannot be stored in the graph; remove it")));
  }

  /** Raised where reading must stop, with the code and message of the problem to report. */
  static class Refused extends JsonProcessingException {
    final String code;

    Refused(Position at, String code, String message) {
      super(message, new JsonLocation(null, -1, at.line(), at.column()));
      this.code = code;
    }
  }

  /** Raised at the first YAML alias ({@code *name}); reported as a positioned problem. */
  static final class AliasFound extends JsonProcessingException {
    AliasFound(Position at, String anchor) {
      super(
          "'*"
              + anchor
              + "' is a YAML alias; anchors and aliases (&name, *name) are not supported, as they"
              + " can blow a small file up to gigabytes: write the value out",
          new JsonLocation(null, -1, at.line(), at.column()));
    }
  }

  /** Raised when the tree is deeper than {@link #MAX_DEPTH}; reported as a positioned problem. */
  static final class TooDeep extends JsonProcessingException {
    TooDeep(Position at) {
      super(
          "nesting deeper than " + DocumentReader.MAX_DEPTH + " levels",
          new JsonLocation(null, -1, at.line(), at.column()));
    }
  }
}
