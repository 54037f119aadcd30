package org.cmograph.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * A parsed YAML or JSON document together with where each of its nodes stood in the file, keyed by
 * JSON Pointer, so that every later check can name line and column.
 */
public final class PositionedDocument {
  private final Path file;
  private final JsonNode root;
  private final Map<String, Position> valuePositions;
  private final Map<String, Position> keyPositions;
  private final String text;
  private final String sha256;

  PositionedDocument(
      Path file,
      JsonNode root,
      Map<String, Position> valuePositions,
      Map<String, Position> keyPositions,
      String text,
      String sha256) {
    this.sha256 = sha256;
    this.file = file;
    this.root = root;
    this.valuePositions = valuePositions;
    this.keyPositions = keyPositions;
    this.text = text;
  }

  public Path file() {
    return file;
  }

  public JsonNode root() {
    return root;
  }

  /** The document's text as read (BOM removed); its SHA-256 is the provenance hash. */
  public String text() {
    return text;
  }

  /** Hex SHA-256 of the file's bytes as read. */
  public String sha256() {
    return sha256;
  }

  /** Where the value at {@code pointer} starts, or the nearest enclosing node's position. */
  public Position valueAt(String pointer) {
    String p = pointer;
    while (true) {
      Position found = valuePositions.get(p);
      if (found != null) {
        return found;
      }
      if (p.isEmpty()) {
        return Position.START;
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }

  /** Where the key naming {@code pointer} stands, falling back to its value's position. */
  public Position keyAt(String pointer) {
    Position found = keyPositions.get(pointer);
    return found != null ? found : valueAt(pointer);
  }

  /** Appends one reference token to a JSON Pointer, escaping as RFC 6901 says. */
  public static String child(String pointer, String name) {
    return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
  }

  public static String child(String pointer, int index) {
    return pointer + "/" + index;
  }

  /** A JSON Pointer as a reader sees it in a message: {@code cmocs[2].mechanism.concept}. */
  public static String display(String pointer) {
    if (pointer.isEmpty()) {
      return "(document)";
    }
    StringBuilder out = new StringBuilder();
    for (String token : pointer.substring(1).split("/", -1)) {
      String name = token.replace("~1", "/").replace("~0", "~");
      if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
        out.append('[').append(name).append(']');
      } else {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(name);
      }
    }
    return out.toString();
  }
}
