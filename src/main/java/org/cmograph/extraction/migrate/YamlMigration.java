package org.cmograph.extraction.migrate;

import static org.cmograph.extraction.migrate.YamlEdits.tuple;
import static org.cmograph.extraction.migrate.YamlEdits.node;
import static org.cmograph.extraction.migrate.YamlEdits.scalar;
import static org.cmograph.extraction.migrate.YamlEdits.valueText;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.cmograph.extraction.QuotedSpeech;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
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
  /** A study-level context or outcome taken out of a configuration. */
  private record Hoisted(String id, String cmoc, Map<String, String> fields, List<String> lines) {}

  private final YamlEdits yaml;
  private final Function<String, Optional<String>> sources;
  private final Predicate<String> knownMechanism;

  YamlMigration(
      String text,
      Function<String, Optional<String>> sources,
      Predicate<String> knownMechanism) {
    this.yaml = new YamlEdits(text);
    this.sources = sources;
    this.knownMechanism = knownMechanism;
  }

  /** The root mapping, when it is in block style (the only layout this class edits). */
  static Optional<MappingNode> blockRoot(String text) {
    Node root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
    return root instanceof MappingNode m && m.getFlowStyle() == DumperOptions.FlowStyle.BLOCK
        ? Optional.of(m)
        : Optional.empty();
  }

  int checks() {
    return yaml.checks();
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
    return yaml.apply();
  }

  // ---- format: 2 ----

  private void insertFormat(MappingNode root) {
    int line = 0;
    while (line < yaml.lineStarts.size() && yaml.line(line).strip().startsWith("#")) {
      line++;
    }
    // After an explicit document start (---), not before it, where it would begin a document.
    for (int l = line; l < yaml.lineStarts.size() && yaml.offset(root.getStartMark()) >= yaml.lineStarts.get(l); l++) {
      if (yaml.line(l).strip().equals("---")) {
        line = l + 1;
        break;
      }
    }
    int at = line < yaml.lineStarts.size() ? yaml.lineStarts.get(line) : yaml.text.length();
    int firstKey = yaml.offset(root.getStartMark());
    if (at > firstKey) {
      at = yaml.lineStart(firstKey);
    }
    String prefix = at > 0 && !yaml.endsWithBreak(at) ? yaml.nl : "";
    yaml.edit(at, at, prefix + "format: 2" + yaml.nl);
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
            ? yaml.dashColumn(cmocs.getValue().get(0))
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
    int at = yaml.lineStart(yaml.offset(cmocsTuple.get().getKeyNode().getStartMark()));
    while (at > 0 && yaml.isComment(yaml.lineIndex(at) - 1)) {
      at = yaml.lineStarts.get(yaml.lineIndex(at) - 1);
    }
    boolean spaced = at > 0 && yaml.line(yaml.lineIndex(at) - 1).isBlank();
    StringBuilder block = new StringBuilder();
    appendList(block, "contexts", contexts, contextChecks, dash, spaced);
    appendList(block, "outcomes", outcomes, outcomeChecks, dash, spaced);
    yaml.edit(at, at, block.toString());
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
    block.append(key).append(':').append(yaml.nl);
    for (Hoisted h : items.values()) {
      for (String check : itemChecks.getOrDefault(h.id(), List.of())) {
        block.append(yaml.comment(dash, check));
      }
      for (String l : h.lines()) {
        block.append(l).append(yaml.nl);
      }
    }
    if (spaced) {
      block.append(yaml.nl);
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
    int indent = block ? yaml.dashColumn(list.getValue().get(0)) : 0;
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
        for (int l = yaml.lineIndex(previousEnd) + 1; l < yaml.lineIndex(yaml.offset(m.getStartMark())); l++) {
          if (yaml.isComment(l)) {
            lines.add(" ".repeat(dash) + yaml.line(l).strip());
          }
        }
      }
      lines.addAll(itemLines(m, role.orElse(null), dash));
      previousEnd = yaml.contentEnd(m);
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
        String trailing = role.map(t -> yaml.trailingComment(yaml.contentEnd(t.getValueNode()))).orElse("");
        String link =
            "{context: " + id + ", role: " + (roleValue == null ? "enabling" : roleValue) + "}";
        if (roleValue == null) {
          if (block) {
            blockRefs.append(yaml.comment(indent, Checks.ROLE_NOT_STATED));
          } else {
            flowComments.add(Checks.ROLE_NOT_STATED);
          }
        }
        blockRefs.append(" ".repeat(indent)).append("- ").append(link);
        blockRefs.append(trailing.isEmpty() ? "" : "  " + trailing).append(yaml.nl);
        refs.add(link);
        if (!block && !trailing.isEmpty()) {
          flowComments.add(trailing.substring(1).strip());
        }
      } else {
        refs.add(id);
      }
    }
    int valueStart = yaml.offset(list.getStartMark());
    int end = yaml.lineEnd(yaml.contentEnd(list));
    int keyEnd = yaml.offset(tuple.getKeyNode().getEndMark());
    int colon = yaml.text.indexOf(':', keyEnd);
    boolean cleanKeyLine = yaml.text.substring(colon + 1, valueStart).isBlank();
    if (!block) {
      yaml.edit(valueStart, yaml.offset(list.getEndMark()), "[" + String.join(", ", refs) + "]");
      for (String c : flowComments) {
        yaml.commentAbove(tuple.getKeyNode(), c);
      }
    } else if (isContext) {
      String links = blockRefs.toString();
      yaml.edit(yaml.lineStart(valueStart), end, links.substring(0, links.length() - yaml.nl.length()));
    } else if (cleanKeyLine) {
      yaml.edit(colon + 1, end, " [" + String.join(", ", refs) + "]");
    } else {
      StringBuilder ids = new StringBuilder();
      for (String id : refs) {
        ids.append(ids.length() == 0 ? "" : yaml.nl).append(" ".repeat(indent)).append("- ").append(id);
      }
      yaml.edit(yaml.lineStart(valueStart), end, ids.toString());
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
            yaml.slice(t.getKeyNode()) + ": " + yaml.text.substring(yaml.offset(t.getValueNode().getStartMark()), yaml.contentEnd(t.getValueNode()));
        String[] parts = pair.split("\\R");
        out.add((out.isEmpty() ? " ".repeat(dash) + "- " : pad) + parts[0]);
        for (int i = 1; i < parts.length; i++) {
          out.add(pad + "  " + parts[i].strip());
        }
      }
      return out;
    }
    int first = yaml.lineIndex(yaml.offset(item.getStartMark()));
    int last = yaml.lineIndex(yaml.contentEnd(item));
    int oldDash = yaml.dashColumn(item);
    int dropFrom = -1;
    int dropTo = -1;
    if (drop != null) {
      dropFrom = yaml.lineIndex(yaml.offset(drop.getKeyNode().getStartMark()));
      dropTo = yaml.lineIndex(yaml.contentEnd(drop.getValueNode()));
    }
    boolean needDash = false;
    for (int l = first; l <= last; l++) {
      if (l >= dropFrom && l <= dropTo) {
        needDash |= l == first;
        continue;
      }
      String s = shift(yaml.line(l), dash - oldDash);
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
      yaml.insertPair(cmoc, after.orElse(null), "kind", "configuration", null);
    }
  }

  private void migrateMechanism(MappingNode mechanism) {
    tuple(mechanism, "concept")
        .filter(t -> t.getValueNode() instanceof ScalarNode)
        .filter(t -> !knownMechanism.test(((ScalarNode) t.getValueNode()).getValue()))
        .ifPresent(
            t ->
                yaml.commentAbove(
                    t.getKeyNode(),
                    Checks.conceptNotInCatalogue(((ScalarNode) t.getValueNode()).getValue())));
    tuple(mechanism, "response").ifPresent(t -> yaml.rename(t.getKeyNode(), "response", "reasoning"));
    List<String> missing = new ArrayList<>();
    if (tuple(mechanism, "resource").isEmpty()) {
      missing.add("resource");
    }
    if (tuple(mechanism, "response").isEmpty() && tuple(mechanism, "reasoning").isEmpty()) {
      missing.add("reasoning");
    }
    if (!missing.isEmpty() && tuple(mechanism, "not_reported").isEmpty()) {
      yaml.insertPair(
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
      yaml.rename(cmoc.get().getKeyNode(), "cmoc", "cmocs");
      Node value = cmoc.get().getValueNode();
      if (value instanceof ScalarNode) {
        int start = yaml.offset(value.getStartMark());
        int end = yaml.contentEnd(value);
        yaml.edit(start, end, "[" + yaml.text.substring(start, end) + "]");
      }
    }
    String quote = scalar(item, "quote").orElse("");
    if (tuple(item, "kind").isEmpty()) {
      NodeTuple after = cmoc.or(() -> tuple(item, "id")).orElse(null);
      yaml.insertPair(item, after, "kind", "finding", Checks.kindCue(quote).orElse(null));
    }
    node(item, "about")
        .filter(SequenceNode.class::isInstance)
        .ifPresent(
            about -> {
              for (Node part : ((SequenceNode) about).getValue()) {
                if (part instanceof ScalarNode s && s.getValue().equals("response")) {
                  yaml.rename(s, "response", "reasoning");
                }
              }
            });
    Optional<NodeTuple> speaker = tuple(item, "speaker");
    if (sourceText != null
        && speaker.isPresent()
        && valueText(speaker.get().getValueNode()).equals("participant")
        && QuotedSpeech.isQuoted(sourceText, quote).equals(Optional.of(false))) {
      if (item.getFlowStyle() == DumperOptions.FlowStyle.BLOCK) {
        int at = yaml.lineStart(yaml.offset(speaker.get().getKeyNode().getStartMark()));
        yaml.edit(at, at, yaml.comment(yaml.column(speaker.get().getKeyNode()), Checks.PARTICIPANT_NOT_QUOTED));
      } else {
        yaml.commentAbove(item, Checks.PARTICIPANT_NOT_QUOTED);
      }
    }
  }
}
