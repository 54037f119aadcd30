package org.cmograph.exchange;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes plain data (maps, lists, strings, numbers, booleans) as block-style YAML laid out like the
 * hand-written extraction files: short lists of ids in brackets, long texts folded at about 100
 * columns, and a comment after any line whose JSON Pointer has one. Jackson's YAML writer cannot
 * write comments, and an importer's remarks belong beside the lines they are about. The one YAML
 * writer of cmograph: the importers and the benchmark generator write their files with it.
 *
 * <pre>
 * String text = new YamlWriter(Map.of()).topLevel("study", Map.of("id", "smith-2023"));
 * </pre>
 */
public final class YamlWriter {
  private static final int WIDTH = 100;
  private static final Pattern PLAIN_SAFE = Pattern.compile("[\\p{L}\\p{N}(][^#:]*");
  private static final Pattern LOOKS_TYPED =
      Pattern.compile(
          "(?i)(y|n|yes|no|true|false|on|off|null|~|[-+]?[0-9][0-9_.:eE+-]*|\\.inf|\\.nan)");

  private final Map<String, String> comments;

  /**
   * @param comments by JSON Pointer ({@code /cmocs/0/mechanism/concept}): a comment written after
   *     the line of that value
   */
  public YamlWriter(Map<String, String> comments) {
    this.comments = comments;
  }

  /** One top-level key and its value, ending with a newline. */
  public String topLevel(String key, Object value) {
    StringBuilder out = new StringBuilder();
    entry(out, key, value, "/" + key, 0);
    return out.toString();
  }

  private void entry(StringBuilder out, String key, Object value, String pointer, int indent) {
    String pad = " ".repeat(indent);
    out.append(key).append(':');
    if (value instanceof Map<?, ?> map) {
      comment(out, pointer);
      out.append('\n');
      map(out, map, pointer, indent + 2, pad + "  ");
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        out.append(" []");
        comment(out, pointer);
        out.append('\n');
      } else if (list.stream().allMatch(v -> v instanceof String s && Slugs.isSlug(s))) {
        out.append(" [");
        for (int i = 0; i < list.size(); i++) {
          out.append(i == 0 ? "" : ", ").append(list.get(i));
        }
        out.append(']');
        comment(out, pointer);
        out.append('\n');
      } else {
        comment(out, pointer);
        out.append('\n');
        for (int i = 0; i < list.size(); i++) {
          Object item = list.get(i);
          String itemPointer = pointer + "/" + i;
          out.append(pad).append("  - ");
          if (item instanceof Map<?, ?> m) {
            map(out, m, itemPointer, indent + 4, "");
          } else {
            out.append(scalar(item, indent + 4, pointer)).append('\n');
          }
        }
      }
    } else {
      out.append(' ').append(scalar(value, indent + 2, pointer));
      if (!(value instanceof String s) || !folds(s)) {
        comment(out, pointer);
      }
      out.append('\n');
    }
  }

  /** Entries of a map; the first one follows {@code firstPad} (empty after a list dash). */
  private void map(StringBuilder out, Map<?, ?> map, String pointer, int indent, String firstPad) {
    boolean first = true;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      out.append(first ? firstPad : " ".repeat(indent));
      first = false;
      entry(out, e.getKey().toString(), e.getValue(), pointer + "/" + e.getKey(), indent);
    }
  }

  private void comment(StringBuilder out, String pointer) {
    String c = comments.get(pointer);
    if (c != null) {
      out.append("  # ").append(c.replaceAll("\\s+", " "));
    }
  }

  private String scalar(Object value, int indent, String pointer) {
    if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      return value.toString();
    }
    String s = value.toString();
    if (folds(s)) {
      String c = comments.get(pointer);
      return ">-" + (c == null ? "" : "  # " + c.replaceAll("\\s+", " ")) + "\n" + fold(s, indent);
    }
    if (isPlainSafe(s)) {
      return s;
    }
    return quoted(s);
  }

  /** Long single-line texts that survive folding unchanged (no runs of spaces, no controls). */
  static boolean folds(String s) {
    if (s.length() <= WIDTH - 20 || s.contains("  ") || !s.equals(s.strip())) {
      return false;
    }
    return s.chars().noneMatch(c -> needsEscape((char) c));
  }

  private static String fold(String s, int indent) {
    String pad = " ".repeat(indent);
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder();
    for (String word : s.split(" ")) {
      if (line.length() > 0 && indent + line.length() + 1 + word.length() > WIDTH) {
        out.append(pad).append(line).append('\n');
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    out.append(pad).append(line);
    return out.toString();
  }

  static boolean isPlainSafe(String s) {
    if (s.isEmpty() || !s.equals(s.strip()) || !PLAIN_SAFE.matcher(s).matches()) {
      return false;
    }
    if (LOOKS_TYPED.matcher(s).matches()) {
      return false;
    }
    return s.chars().noneMatch(c -> needsEscape((char) c));
  }

  /** A YAML double-quoted scalar: the JSON escapes, which YAML shares. */
  public static String quoted(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (needsEscape(c)) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** Controls, line and paragraph separators and the byte-order mark: written only as escapes. */
  private static boolean needsEscape(char c) {
    return Character.isISOControl(c)
        || c == '\u2028'
        || c == '\u2029'
        || c == '\u0085'
        || c == '\uFEFF';
  }
}
