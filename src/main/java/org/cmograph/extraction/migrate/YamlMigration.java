package org.cmograph.extraction.migrate;

import static org.cmograph.extraction.migrate.YamlEdits.node;
import static org.cmograph.extraction.migrate.YamlEdits.scalar;
import static org.cmograph.extraction.migrate.YamlEdits.tuple;
import static org.cmograph.extraction.migrate.YamlEdits.valueText;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Converts a first-format YAML extraction by editing its text where the format changed and nowhere
 * else, so comments, quoting, folded blocks and blank lines stay as the author wrote them. The
 * parsed node tree (with the position of every node) says where to edit.
 */
final class YamlMigration {
  private final YamlEdits yaml;
  private final ContextHoisting hoisting;

  private final Function<String, Optional<String>> sources;

  private final Predicate<String> knownMechanism;

  YamlMigration(
      String text, Function<String, Optional<String>> sources, Predicate<String> knownMechanism) {
    this.yaml = new YamlEdits(text);
    this.hoisting = new ContextHoisting(yaml);
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
    for (int l = line;
        l < yaml.lineStarts.size() && yaml.offset(root.getStartMark()) >= yaml.lineStarts.get(l);
        l++) {
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
    Map<String, ContextHoisting.Hoisted> contexts = new LinkedHashMap<>();
    Map<String, ContextHoisting.Hoisted> outcomes = new LinkedHashMap<>();
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
          .ifPresent(t -> hoisting.hoist(t, cmoc, cmocId, dash, true, contexts, contextChecks));
      tuple(cmoc, "outcomes")
          .ifPresent(t -> hoisting.hoist(t, cmoc, cmocId, dash, false, outcomes, outcomeChecks));
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
    hoisting.appendList(block, "contexts", contexts, contextChecks, dash, spaced);
    hoisting.appendList(block, "outcomes", outcomes, outcomeChecks, dash, spaced);
    yaml.edit(at, at, block.toString());
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
    tuple(mechanism, "response")
        .ifPresent(t -> yaml.rename(t.getKeyNode(), "response", "reasoning"));
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
        yaml.edit(
            at,
            at,
            yaml.comment(yaml.column(speaker.get().getKeyNode()), Checks.PARTICIPANT_NOT_QUOTED));
      } else {
        yaml.commentAbove(item, Checks.PARTICIPANT_NOT_QUOTED);
      }
    }
  }
}
