package org.cmograph.extraction.migrate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML text, its node tree's positions turned into offsets, and the edits made to it: insertions
 * and replacements that leave every other character as it was, applied at once in text order.
 */
final class YamlEdits {
  private record Edit(int start, int end, String text, int order) {}

  final String text;
  final String nl;
  final List<Integer> lineStarts = new ArrayList<>();
  private final List<Edit> edits = new ArrayList<>();
  private int checks;

  YamlEdits(String text) {
    this.text = text;
    this.nl = text.contains("\r\n") ? "\r\n" : "\n";
    lineStarts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        i++;
        lineStarts.add(i + 1);
      } else if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        lineStarts.add(i + 1);
      }
    }
  }

  /** The number of CHECK comments written. */
  int checks() {
    return checks;
  }

  // ---- editing helpers ----

  /** Adds {@code key: value} after {@code after} (or last), with an optional CHECK comment. */
  void insertPair(MappingNode map, NodeTuple after, String key, String value, String check) {
    List<NodeTuple> pairs = map.getValue();
    if (pairs.isEmpty()) {
      return;
    }
    NodeTuple anchor = after != null ? after : pairs.get(pairs.size() - 1);
    if (map.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
      int at = contentEnd(anchor.getValueNode());
      edit(at, at, ", " + key + ": " + value);
      if (check != null) {
        commentAbove(map, check);
      }
      return;
    }
    int indent = column(pairs.get(0).getKeyNode());
    int at = lineEnd(contentEnd(anchor.getValueNode()));
    edit(
        at,
        at,
        (check == null ? "" : nl + comment(indent, check).stripTrailing())
            + nl
            + " ".repeat(indent)
            + key
            + ": "
            + value);
  }

  /** A comment line above the line where {@code node} starts, at that line's indentation. */
  void commentAbove(Node node, String message) {
    int at = lineStart(offset(node.getStartMark()));
    String l = line(lineIndex(at));
    int indent = l.length() - l.stripLeading().length();
    edit(at, at, comment(indent, message));
  }

  String comment(int indent, String message) {
    checks++;
    return " ".repeat(indent) + "# " + message + nl;
  }

  void rename(Node scalar, String from, String to) {
    int start = offset(scalar.getStartMark());
    int end = offset(scalar.getEndMark());
    int at = text.indexOf(from, start);
    if (at >= 0 && at + from.length() <= end) {
      edit(at, at + from.length(), to);
    }
  }

  void edit(int start, int end, String replacement) {
    edits.add(new Edit(start, end, replacement, edits.size()));
  }

  String apply() {
    edits.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::order));
    StringBuilder out = new StringBuilder(text.length() + 1024);
    int pos = 0;
    for (Edit e : edits) {
      if (e.start() < pos) {
        throw new IllegalStateException("overlapping edits at offset " + e.start());
      }
      out.append(text, pos, e.start()).append(e.text());
      pos = e.end();
    }
    return out.append(text.substring(pos)).toString();
  }

  // ---- reading the tree and the text ----

  static Optional<NodeTuple> tuple(MappingNode map, String key) {
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  static Optional<Node> node(Node map, String key) {
    return map instanceof MappingNode m
        ? tuple(m, key).map(NodeTuple::getValueNode)
        : Optional.empty();
  }

  static Optional<String> scalar(Node map, String key) {
    return node(map, key)
        .filter(ScalarNode.class::isInstance)
        .map(n -> ((ScalarNode) n).getValue());
  }

  static String valueText(Node node) {
    if (node instanceof ScalarNode s) {
      return s.getValue();
    }
    if (node instanceof SequenceNode seq) {
      List<String> parts = new ArrayList<>();
      seq.getValue().forEach(n -> parts.add(valueText(n)));
      return "[" + String.join(", ", parts) + "]";
    }
    if (node instanceof MappingNode m) {
      List<String> parts = new ArrayList<>();
      m.getValue()
          .forEach(t -> parts.add(valueText(t.getKeyNode()) + ": " + valueText(t.getValueNode())));
      return "{" + String.join(", ", parts) + "}";
    }
    return "";
  }

  String slice(Node node) {
    return text.substring(offset(node.getStartMark()), contentEnd(node));
  }

  /**
   * Where a node's own text ends: block collections end with their last value, not at the next key.
   */
  int contentEnd(Node node) {
    if (node instanceof MappingNode m && m.getFlowStyle() == DumperOptions.FlowStyle.BLOCK) {
      List<NodeTuple> pairs = m.getValue();
      return pairs.isEmpty()
          ? offset(m.getStartMark())
          : contentEnd(pairs.get(pairs.size() - 1).getValueNode());
    }
    if (node instanceof SequenceNode s && s.getFlowStyle() == DumperOptions.FlowStyle.BLOCK) {
      List<Node> items = s.getValue();
      return items.isEmpty() ? offset(s.getStartMark()) : contentEnd(items.get(items.size() - 1));
    }
    int end = offset(node.getEndMark());
    int start = offset(node.getStartMark());
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  /** The comment after {@code offset} on its line, or "". */
  String trailingComment(int offset) {
    String rest = text.substring(offset, lineEnd(offset)).strip();
    return rest.startsWith("#") ? rest : "";
  }

  /** The column of the '-' before a block-sequence item. */
  int dashColumn(Node item) {
    int start = offset(item.getStartMark());
    int i = start - 1;
    while (i >= 0 && text.charAt(i) == ' ') {
      i--;
    }
    if (i >= 0 && text.charAt(i) == '-') {
      return i - lineStart(i);
    }
    return Math.max(0, column(item) - 2);
  }

  int column(Node node) {
    int at = offset(node.getStartMark());
    return at - lineStart(at);
  }

  int offset(Mark mark) {
    int line = Math.min(mark.getLine(), lineStarts.size() - 1);
    int start = lineStarts.get(line);
    int end = line + 1 < lineStarts.size() ? lineStarts.get(line + 1) : text.length();
    int at = start;
    for (int c = 0; c < mark.getColumn() && at < end; c++) {
      at += Character.charCount(text.codePointAt(at));
    }
    return at;
  }

  int lineIndex(int offset) {
    int i = java.util.Collections.binarySearch(lineStarts, offset);
    return i >= 0 ? i : -i - 2;
  }

  int lineStart(int offset) {
    return lineStarts.get(lineIndex(offset));
  }

  /** The offset of the line break ending the line of {@code offset} (or the end of the text). */
  int lineEnd(int offset) {
    int i = offset;
    while (i < text.length() && "\r\n\u0085\u2028\u2029".indexOf(text.charAt(i)) < 0) {
      i++;
    }
    return i;
  }

  String line(int index) {
    int start = lineStarts.get(index);
    return text.substring(start, lineEnd(start));
  }

  boolean isComment(int index) {
    return index >= 0 && index < lineStarts.size() && line(index).strip().startsWith("#");
  }

  boolean endsWithBreak(int at) {
    char c = text.charAt(at - 1);
    return c == '\n' || c == '\r';
  }
}
