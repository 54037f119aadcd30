package org.cmograph.extraction.migrate;

import static org.cmograph.extraction.migrate.YamlEdits.scalar;
import static org.cmograph.extraction.migrate.YamlEdits.tuple;
import static org.cmograph.extraction.migrate.YamlEdits.valueText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Takes the contexts and outcomes written inside a first-format configuration to the study-level
 * lists of format 2, leaving references behind; their lines (comments included) travel with them,
 * re-indented, and two copies of one id that say different things get a CHECK comment.
 */
final class ContextHoisting {
  private final YamlEdits yaml;

  ContextHoisting(YamlEdits yaml) {
    this.yaml = yaml;
  }

  /** A study-level context or outcome taken out of a configuration. */
  record Hoisted(String id, String cmoc, Map<String, String> fields, List<String> lines) {}

  void appendList(
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
  void hoist(
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
        for (int l = yaml.lineIndex(previousEnd) + 1;
            l < yaml.lineIndex(yaml.offset(m.getStartMark()));
            l++) {
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
        String trailing =
            role.map(t -> yaml.trailingComment(yaml.contentEnd(t.getValueNode()))).orElse("");
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
      yaml.edit(
          yaml.lineStart(valueStart), end, links.substring(0, links.length() - yaml.nl.length()));
    } else if (cleanKeyLine) {
      yaml.edit(colon + 1, end, " [" + String.join(", ", refs) + "]");
    } else {
      StringBuilder ids = new StringBuilder();
      for (String id : refs) {
        ids.append(ids.length() == 0 ? "" : yaml.nl)
            .append(" ".repeat(indent))
            .append("- ")
            .append(id);
      }
      yaml.edit(yaml.lineStart(valueStart), end, ids.toString());
    }
  }

  /**
   * The text of one list item as a study-level item: its own lines (comments included) re-indented
   * to {@code dash}, without the {@code drop} pair (a context's role, which moves to the link).
   */
  List<String> itemLines(MappingNode item, NodeTuple drop, int dash) {
    List<String> out = new ArrayList<>();
    if (item.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
      String pad = " ".repeat(dash + 2);
      for (NodeTuple t : item.getValue()) {
        if (t == drop) {
          continue;
        }
        String pair =
            yaml.slice(t.getKeyNode())
                + ": "
                + yaml.text.substring(
                    yaml.offset(t.getValueNode().getStartMark()),
                    yaml.contentEnd(t.getValueNode()));
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

  static String shift(String line, int delta) {
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
  Map<String, String> fields(MappingNode m, String except) {
    Map<String, String> out = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      String key = valueText(t.getKeyNode());
      if (!key.equals(except)) {
        out.put(key, valueText(t.getValueNode()));
      }
    }
    return out;
  }

  static List<String> union(Map<String, String> a, Map<String, String> b) {
    List<String> keys = new ArrayList<>(a.keySet());
    b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(keys::add);
    return keys;
  }
}
