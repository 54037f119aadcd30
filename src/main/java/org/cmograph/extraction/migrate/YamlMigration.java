package org.cmograph.extraction.migrate;

import org.cmograph.extraction.QuotedSpeech;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Converts a first-format YAML extraction by editing its text where the format changed and
 * nowhere else, so comments, quoting, folded blocks and blank lines stay as the author wrote them.
 * The parsed node tree (with the position of every node) says where to edit.
 */
final class YamlMigration {
  private record Edit(int start, int end, String text, int order) {}

  /** A study-level context or outcome taken out of a configuration. */
  private record Hoisted(String id, String cmoc, Map<String, String> fields, List<String> lines) {}

  private final String text;
  private final String nl;
  private final List<Integer> lineStarts = new ArrayList<>();
  private final List<Edit> edits = new ArrayList<>();
  private final Function<String, Optional<String>> sources;
  private int checks;

  private final java.util.function.Predicate<String> knownMechanism;

  YamlMigration(
      String text,
      Function<String, Optional<String>> sources,
      java.util.function.Predicate<String> knownMechanism) {
    this.knownMechanism = knownMechanism;
    this.text = text;
    this.sources = sources;
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

  /** The root mapping, when it is in block style (the only layout this class edits). */
  static Optional<MappingNode> blockRoot(String text) {
    Node root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
    return root instanceof MappingNode m && m.getFlowStyle() == DumperOptions.FlowStyle.BLOCK
        ? Optional.of(m)
        : Optional.empty();
  }

  int checks() {
    return checks;
  }

  String migrate(MappingNode root) {
    insertFormat(root);
    hoistContextsAndOutcomes(root);
    node(root, "evidence")
        .filter(SequenceNode.class::isInstance)
        .map(SequenceNode.class::cast)
        .ifPresent(
            evidence -> {
              String sourceText =
                  node(root, "source")
                      .flatMap(s -> scalar(s, "file"))
                      .flatMap(sources)
                      .orElse(null);
              for (Node item : evidence.getValue()) {
                if (item instanceof MappingNode m) {
                  migrateEvidence(m, sourceText);
                }
              }
            });
    return apply();
  }

  // ---- format: 2 ----

  private void insertFormat(MappingNode root) {
    int line = 0;
    while (line < lineStarts.size() && line(line).strip().startsWith("#")) {
      line++;
    }
    // After an explicit document start (---), not before it, where it would begin a document.
    for (int l = line; l < lineStarts.size() && offset(root.getStartMark()) >= lineStarts.get(l); l++) {
      if (line(l).strip().equals("---")) {
        line = l + 1;
        break;
      }
    }
    int at = line < lineStarts.size() ? lineStarts.get(line) : text.length();
    int firstKey = offset(root.getStartMark());
    if (at > firstKey) {
      at = lineStart(firstKey);
    }
    String prefix = at > 0 && !endsWithBreak(at) ? nl : "";
    edit(at, at, prefix + "format: 2" + nl);
  }

  // ---- contexts and outcomes ----

  private void hoistContextsAndOutcomes(MappingNode root) {
    Optional<NodeTuple> cmocsTuple = tuple(root, "cmocs");
    if (cmocsTuple.isEmpty() || !(cmocsTuple.get().getValueNode() instanceof SequenceNode cmocs)) {
      return;
    }
    Map<String, Hoisted> contexts = new LinkedHashMap<>();
    Map<String, Hoisted> outcomes = new LinkedHashMap<>();
    Map<String, List<String>> contextChecks = new LinkedHashMap<>();
    Map<String, List<String>> outcomeChecks = new LinkedHashMap<>();
    int dash =
        cmocs.getFlowStyle() == DumperOptions.FlowStyle.BLOCK && !cmocs.getValue().isEmpty()
            ? dashColumn(cmocs.getValue().get(0))
            : 2;
    for (Node item : cmocs.getValue()) {
      if (!(item instanceof MappingNode cmoc)) {
        continue;
      }
      String cmocId = scalar(cmoc, "id").orElse("?");
      tuple(cmoc, "contexts")
          .ifPresent(t -> hoist(t, cmoc, cmocId, dash, true, contexts, contextChecks));
      tuple(cmoc, "outcomes")
          .ifPresent(t -> hoist(t, cmoc, cmocId, dash, false, outcomes, outcomeChecks));
      addKind(cmoc);
      node(cmoc, "mechanism")
          .filter(MappingNode.class::isInstance)
          .ifPresent(m -> migrateMechanism((MappingNode) m));
    }
    for (String id : outcomes.keySet()) {
      if (contexts.containsKey(id)) {
        outcomeChecks.computeIfAbsent(id, k -> new ArrayList<>()).add(Checks.sharedId(id));
      }
    }
    if (contexts.isEmpty() && outcomes.isEmpty()) {
      return;
    }
    int at = lineStart(offset(cmocsTuple.get().getKeyNode().getStartMark()));
    while (at > 0 && isComment(lineIndex(at) - 1)) {
      at = lineStarts.get(lineIndex(at) - 1);
    }
    boolean spaced = at > 0 && line(lineIndex(at) - 1).isBlank();
    StringBuilder block = new StringBuilder();
    appendList(block, "contexts", contexts, contextChecks, dash, spaced);
    appendList(block, "outcomes", outcomes, outcomeChecks, dash, spaced);
    edit(at, at, block.toString());
  }

  private void appendList(
      StringBuilder block,
      String key,
      Map<String, Hoisted> items,
      Map<String, List<String>> itemChecks,
      int dash,
      boolean spaced) {
    if (items.isEmpty()) {
      return;
    }
    block.append(key).append(':').append(nl);
    for (Hoisted h : items.values()) {
      for (String check : itemChecks.getOrDefault(h.id(), List.of())) {
        block.append(comment(dash, check));
      }
      for (String l : h.lines()) {
        block.append(l).append(nl);
      }
    }
    if (spaced) {
      block.append(nl);
    }
  }

  /**
   * Takes a configuration's inline contexts (or outcomes) to the study-level list and leaves
   * references behind: {@code {context: ID, role: ROLE}} links, or outcome ids.
   */
  private void hoist(
      NodeTuple tuple,
      MappingNode cmoc,
      String cmocId,
      int dash,
      boolean isContext,
      Map<String, Hoisted> hoisted,
      Map<String, List<String>> itemChecks) {
    if (!(tuple.getValueNode() instanceof SequenceNode list) || list.getValue().isEmpty()) {
      return;
    }
    for (Node item : list.getValue()) {
      if (!(item instanceof MappingNode m) || scalar(m, "id").isEmpty()) {
        return; // not a first-format list (already references?): left as it is
      }
    }
    boolean block = list.getFlowStyle() == DumperOptions.FlowStyle.BLOCK;
    int indent = block ? dashColumn(list.getValue().get(0)) : 0;
    List<String> refs = new ArrayList<>();
    StringBuilder blockRefs = new StringBuilder();
    List<String> flowComments = new ArrayList<>();
    int previousEnd = -1;
    for (Node item : list.getValue()) {
      MappingNode m = (MappingNode) item;
      String id = scalar(m, "id").orElseThrow();
      Optional<NodeTuple> role = isContext ? tuple(m, "role") : Optional.empty();
      List<String> lines = new ArrayList<>();
      if (block && previousEnd >= 0) {
        // Comment lines between two items travel with the item below them.
        for (int l = lineIndex(previousEnd) + 1; l < lineIndex(offset(m.getStartMark())); l++) {
          if (isComment(l)) {
            lines.add(" ".repeat(dash) + line(l).strip());
          }
        }
      }
      lines.addAll(itemLines(m, role.orElse(null), dash));
      previousEnd = contentEnd(m);
      Map<String, String> fields = fields(m, "role");
      Hoisted first = hoisted.get(id);
      if (first == null) {
        hoisted.put(id, new Hoisted(id, cmocId, fields, lines));
      } else if (!first.fields().equals(fields)) {
        Map<String, String> differing = new LinkedHashMap<>();
        for (String k : union(first.fields(), fields)) {
          if (!Objects.equals(first.fields().get(k), fields.get(k))) {
            differing.put(k, fields.get(k));
          }
        }
        itemChecks
            .computeIfAbsent(id, k -> new ArrayList<>())
            .add(Checks.duplicate(isContext ? "context" : "outcome", id, cmocId, differing));
      }
      if (isContext) {
        String roleValue = role.map(t -> valueText(t.getValueNode())).orElse(null);
        String trailing = role.map(t -> trailingComment(contentEnd(t.getValueNode()))).orElse("");
        String link =
            "{context: " + id + ", role: " + (roleValue == null ? "enabling" : roleValue) + "}";
        if (roleValue == null) {
          if (block) {
            blockRefs.append(comment(indent, Checks.ROLE_NOT_STATED));
          } else {
            flowComments.add(Checks.ROLE_NOT_STATED);
          }
        }
        blockRefs.append(" ".repeat(indent)).append("- ").append(link);
        blockRefs.append(trailing.isEmpty() ? "" : "  " + trailing).append(nl);
        refs.add(link);
        if (!block && !trailing.isEmpty()) {
          flowComments.add(trailing.substring(1).strip());
        }
      } else {
        refs.add(id);
      }
    }
    int valueStart = offset(list.getStartMark());
    int end = lineEnd(contentEnd(list));
    int keyEnd = offset(tuple.getKeyNode().getEndMark());
    int colon = text.indexOf(':', keyEnd);
    boolean cleanKeyLine = text.substring(colon + 1, valueStart).isBlank();
    if (!block) {
      edit(valueStart, offset(list.getEndMark()), "[" + String.join(", ", refs) + "]");
      for (String c : flowComments) {
        commentAbove(tuple.getKeyNode(), c);
      }
    } else if (isContext) {
      String links = blockRefs.toString();
      edit(lineStart(valueStart), end, links.substring(0, links.length() - nl.length()));
    } else if (cleanKeyLine) {
      edit(colon + 1, end, " [" + String.join(", ", refs) + "]");
    } else {
      StringBuilder ids = new StringBuilder();
      for (String id : refs) {
        ids.append(ids.length() == 0 ? "" : nl).append(" ".repeat(indent)).append("- ").append(id);
      }
      edit(lineStart(valueStart), end, ids.toString());
    }
  }

  /**
   * The text of one list item as a study-level item: its own lines (comments included) re-indented
   * to {@code dash}, without the {@code drop} pair (a context's role, which moves to the link).
   */
  private List<String> itemLines(MappingNode item, NodeTuple drop, int dash) {
    List<String> out = new ArrayList<>();
    if (item.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
      String pad = " ".repeat(dash + 2);
      for (NodeTuple t : item.getValue()) {
        if (t == drop) {
          continue;
        }
        String pair =
            slice(t.getKeyNode()) + ": " + text.substring(offset(t.getValueNode().getStartMark()), contentEnd(t.getValueNode()));
        String[] parts = pair.split("\\R");
        out.add((out.isEmpty() ? " ".repeat(dash) + "- " : pad) + parts[0]);
        for (int i = 1; i < parts.length; i++) {
          out.add(pad + "  " + parts[i].strip());
        }
      }
      return out;
    }
    int first = lineIndex(offset(item.getStartMark()));
    int last = lineIndex(contentEnd(item));
    int oldDash = dashColumn(item);
    int dropFrom = -1;
    int dropTo = -1;
    if (drop != null) {
      dropFrom = lineIndex(offset(drop.getKeyNode().getStartMark()));
      dropTo = lineIndex(contentEnd(drop.getValueNode()));
    }
    boolean needDash = false;
    for (int l = first; l <= last; l++) {
      if (l >= dropFrom && l <= dropTo) {
        needDash |= l == first;
        continue;
      }
      String s = shift(line(l), dash - oldDash);
      if (needDash && !s.isBlank() && !s.strip().startsWith("#")) {
        s = s.substring(0, dash) + "- " + s.substring(dash + 2);
        needDash = false;
      }
      out.add(s);
    }
    return out;
  }

  private static String shift(String line, int delta) {
    if (line.isBlank()) {
      return "";
    }
    if (delta >= 0) {
      return " ".repeat(delta) + line;
    }
    int spaces = 0;
    while (spaces < line.length() && spaces < -delta && line.charAt(spaces) == ' ') {
      spaces++;
    }
    return line.substring(spaces);
  }

  /** An item's fields as plain text, for telling whether two copies say the same. */
  private Map<String, String> fields(MappingNode m, String except) {
    Map<String, String> out = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      String key = valueText(t.getKeyNode());
      if (!key.equals(except)) {
        out.put(key, valueText(t.getValueNode()));
      }
    }
    return out;
  }

  private static List<String> union(Map<String, String> a, Map<String, String> b) {
    List<String> keys = new ArrayList<>(a.keySet());
    b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(keys::add);
    return keys;
  }

  // ---- configurations and mechanisms ----

  private void addKind(MappingNode cmoc) {
    Optional<NodeTuple> after =
        tuple(cmoc, "statement").or(() -> tuple(cmoc, "label")).or(() -> tuple(cmoc, "id"));
    if (tuple(cmoc, "kind").isEmpty()) {
      insertPair(cmoc, after.orElse(null), "kind", "configuration", null);
    }
  }

  private void migrateMechanism(MappingNode mechanism) {
    tuple(mechanism, "concept")
        .filter(t -> t.getValueNode() instanceof ScalarNode)
        .filter(t -> !knownMechanism.test(((ScalarNode) t.getValueNode()).getValue()))
        .ifPresent(
            t ->
                commentAbove(
                    t.getKeyNode(),
                    Checks.conceptNotInCatalogue(((ScalarNode) t.getValueNode()).getValue())));
    tuple(mechanism, "response").ifPresent(t -> rename(t.getKeyNode(), "response", "reasoning"));
    List<String> missing = new ArrayList<>();
    if (tuple(mechanism, "resource").isEmpty()) {
      missing.add("resource");
    }
    if (tuple(mechanism, "response").isEmpty() && tuple(mechanism, "reasoning").isEmpty()) {
      missing.add("reasoning");
    }
    if (!missing.isEmpty() && tuple(mechanism, "not_reported").isEmpty()) {
      insertPair(
          mechanism,
          null,
          "not_reported",
          "[" + String.join(", ", missing) + "]",
          Checks.NOT_REPORTED);
    }
  }

  // ---- evidence ----

  private void migrateEvidence(MappingNode item, String sourceText) {
    Optional<NodeTuple> cmoc = tuple(item, "cmoc");
    if (cmoc.isPresent() && tuple(item, "cmocs").isEmpty()) {
      rename(cmoc.get().getKeyNode(), "cmoc", "cmocs");
      Node value = cmoc.get().getValueNode();
      if (value instanceof ScalarNode) {
        int start = offset(value.getStartMark());
        int end = contentEnd(value);
        edit(start, end, "[" + text.substring(start, end) + "]");
      }
    }
    String quote = scalar(item, "quote").orElse("");
    if (tuple(item, "kind").isEmpty()) {
      NodeTuple after = cmoc.or(() -> tuple(item, "id")).orElse(null);
      insertPair(item, after, "kind", "finding", Checks.kindCue(quote).orElse(null));
    }
    node(item, "about")
        .filter(SequenceNode.class::isInstance)
        .ifPresent(
            about -> {
              for (Node part : ((SequenceNode) about).getValue()) {
                if (part instanceof ScalarNode s && s.getValue().equals("response")) {
                  rename(s, "response", "reasoning");
                }
              }
            });
    Optional<NodeTuple> speaker = tuple(item, "speaker");
    if (sourceText != null
        && speaker.isPresent()
        && valueText(speaker.get().getValueNode()).equals("participant")
        && QuotedSpeech.isQuoted(sourceText, quote).equals(Optional.of(false))) {
      if (item.getFlowStyle() == DumperOptions.FlowStyle.BLOCK) {
        int at = lineStart(offset(speaker.get().getKeyNode().getStartMark()));
        edit(at, at, comment(column(speaker.get().getKeyNode()), Checks.PARTICIPANT_NOT_QUOTED));
      } else {
        commentAbove(item, Checks.PARTICIPANT_NOT_QUOTED);
      }
    }
  }

  // ---- editing helpers ----

  /** Adds {@code key: value} after {@code after} (or last), with an optional CHECK comment. */
  private void insertPair(MappingNode map, NodeTuple after, String key, String value, String check) {
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
  private void commentAbove(Node node, String message) {
    int at = lineStart(offset(node.getStartMark()));
    String l = line(lineIndex(at));
    int indent = l.length() - l.stripLeading().length();
    edit(at, at, comment(indent, message));
  }

  private String comment(int indent, String message) {
    checks++;
    return " ".repeat(indent) + "# " + message + nl;
  }

  private void rename(Node scalar, String from, String to) {
    int start = offset(scalar.getStartMark());
    int end = offset(scalar.getEndMark());
    int at = text.indexOf(from, start);
    if (at >= 0 && at + from.length() <= end) {
      edit(at, at + from.length(), to);
    }
  }

  private void edit(int start, int end, String replacement) {
    edits.add(new Edit(start, end, replacement, edits.size()));
  }

  private String apply() {
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

  private static Optional<NodeTuple> tuple(MappingNode map, String key) {
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  private static Optional<Node> node(Node map, String key) {
    return map instanceof MappingNode m ? tuple(m, key).map(NodeTuple::getValueNode) : Optional.empty();
  }

  private static Optional<String> scalar(Node map, String key) {
    return node(map, key).filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).getValue());
  }

  private static String valueText(Node node) {
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
      m.getValue().forEach(t -> parts.add(valueText(t.getKeyNode()) + ": " + valueText(t.getValueNode())));
      return "{" + String.join(", ", parts) + "}";
    }
    return "";
  }

  private String slice(Node node) {
    return text.substring(offset(node.getStartMark()), contentEnd(node));
  }

  /** Where a node's own text ends: block collections end with their last value, not at the next key. */
  private int contentEnd(Node node) {
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
  private String trailingComment(int offset) {
    String rest = text.substring(offset, lineEnd(offset)).strip();
    return rest.startsWith("#") ? rest : "";
  }

  /** The column of the '-' before a block-sequence item. */
  private int dashColumn(Node item) {
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

  private int column(Node node) {
    int at = offset(node.getStartMark());
    return at - lineStart(at);
  }

  private int offset(Mark mark) {
    int line = Math.min(mark.getLine(), lineStarts.size() - 1);
    int start = lineStarts.get(line);
    int end = line + 1 < lineStarts.size() ? lineStarts.get(line + 1) : text.length();
    int at = start;
    for (int c = 0; c < mark.getColumn() && at < end; c++) {
      at += Character.charCount(text.codePointAt(at));
    }
    return at;
  }

  private int lineIndex(int offset) {
    int i = java.util.Collections.binarySearch(lineStarts, offset);
    return i >= 0 ? i : -i - 2;
  }

  private int lineStart(int offset) {
    return lineStarts.get(lineIndex(offset));
  }

  /** The offset of the line break ending the line of {@code offset} (or the end of the text). */
  private int lineEnd(int offset) {
    int i = offset;
    while (i < text.length() && "\r\n\u0085\u2028\u2029".indexOf(text.charAt(i)) < 0) {
      i++;
    }
    return i;
  }

  private String line(int index) {
    int start = lineStarts.get(index);
    return text.substring(start, lineEnd(start));
  }

  private boolean isComment(int index) {
    return index >= 0 && index < lineStarts.size() && line(index).strip().startsWith("#");
  }

  private boolean endsWithBreak(int at) {
    char c = text.charAt(at - 1);
    return c == '\n' || c == '\r';
  }
}
