package org.cmograph.extraction.migrate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Converts a first-format programme-theory file (block YAML) to theory format 2 by editing its text
 * where the format changed and nowhere else, so comments and layout stay. Each decision a person
 * must check gets a {@code # CHECK} comment line: the versions and each configuration's history,
 * invented from the version labels; {@code derived_from}, kept as a comment for {@code
 * prompted_by}; {@code response} renamed {@code reasoning}; an {@code override} removed, its values
 * kept in the comment; a component judged without an explanation.
 */
final class TheoryMigration {
  private record Edit(int start, int end, String text) {}

  private final String text;
  private final String nl;
  private final List<Integer> lineStarts = new ArrayList<>();
  private final List<Edit> edits = new ArrayList<>();
  private int checks;
  private String theoryVersion = "initial";

  TheoryMigration(String text) {
    this.text = text;
    this.nl = text.contains("\r\n") ? "\r\n" : "\n";
    lineStarts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lineStarts.add(i + 1);
      }
    }
  }

  int checks() {
    return checks;
  }

  String migrate(MappingNode root) {
    Optional<NodeTuple> theory = tuple(root, "theory");
    int first = lineStart(offset(root.getValue().get(0).getKeyNode().getStartMark()));
    edits.add(new Edit(first, first, "format: 2" + nl));
    theory
        .filter(t -> t.getValueNode() instanceof MappingNode)
        .ifPresent(t -> theory((MappingNode) t.getValueNode()));
    tuple(root, "cmocs")
        .filter(t -> t.getValueNode() instanceof SequenceNode)
        .ifPresent(
            t -> {
              for (Node item : ((SequenceNode) t.getValueNode()).getValue()) {
                if (item instanceof MappingNode m) {
                  cmoc(m);
                }
              }
            });
    return apply();
  }

  // ---- theory: version, date, authors, note -> versions ----

  private void theory(MappingNode t) {
    Optional<NodeTuple> version = tuple(t, "version");
    if (version.isEmpty()) {
      return;
    }
    theoryVersion = scalar(version.get()).orElse("initial");
    String indent = indent(version.get());
    String date = tuple(t, "date").flatMap(TheoryMigration::scalar).orElse(null);
    String authors = tuple(t, "authors").map(this::valueText).orElse(null);
    String note = tuple(t, "note").map(this::valueText).orElse(null);
    StringBuilder v = new StringBuilder();
    v.append(indent).append("versions:").append(nl);
    if (!theoryVersion.equals("initial")) {
      check(
          v,
          indent + "  ",
          "the first format had only the label '"
              + theoryVersion
              + "'; an 'initial' version is assumed before it, with the same date: correct its date and authors, or remove it if there was no earlier version");
      v.append(indent).append("  - id: initial").append(nl);
      if (date != null) {
        v.append(indent).append("    date: \"").append(date).append('"').append(nl);
      }
    }
    check(
        v,
        indent + "  ",
        "versions made from theory.version, date, authors and note (first format)");
    v.append(indent).append("  - id: ").append(theoryVersion).append(nl);
    if (date != null) {
      v.append(indent).append("    date: \"").append(date).append('"').append(nl);
    }
    if (authors != null) {
      v.append(indent).append("    authors: ").append(authors).append(nl);
    }
    if (note != null) {
      v.append(indent).append("    description: ").append(reindent(note, 4)).append(nl);
    }
    int at = lineStart(offset(version.get().getKeyNode().getStartMark()));
    edits.add(new Edit(at, at, v.toString()));
    for (String key : List.of("version", "date", "authors", "note")) {
      tuple(t, key).ifPresent(this::remove);
    }
  }

  // ---- one configuration ----

  private void cmoc(MappingNode c) {
    Optional<NodeTuple> version = tuple(c, "version");
    Optional<NodeTuple> derived = tuple(c, "derived_from");
    NodeTuple anchor = version.or(() -> derived).orElse(c.getValue().get(c.getValue().size() - 1));
    String indent = indent(c.getValue().get(0));
    String v = version.flatMap(TheoryMigration::scalar).orElse(theoryVersion);
    StringBuilder h = new StringBuilder();
    check(
        h,
        indent,
        "history made from the version label '"
            + v
            + "' (first format): if this configuration replaces an earlier one, make the change 'refined' (or 'split', 'merged') and name it in 'revises'; write the rationale");
    derived.ifPresent(
        d ->
            check(
                h,
                indent,
                "derived_from "
                    + valueText(d)
                    + " (first format): name the evidence items or configurations of these studies that prompted this configuration under prompted_by"));
    h.append(indent).append("history:").append(nl);
    h.append(indent).append("  - version: ").append(v).append(nl);
    h.append(indent).append("    change: added").append(nl);
    h.append(indent).append("    rationale: \"(not recorded in the first format)\"").append(nl);
    int at =
        version.isPresent() || derived.isPresent()
            ? lineStart(offset(anchor.getKeyNode().getStartMark()))
            : after(anchor);
    edits.add(new Edit(at, at, h.toString()));
    version.ifPresent(this::remove);
    derived.ifPresent(this::remove);
    tuple(c, "mechanism")
        .filter(t -> t.getValueNode() instanceof MappingNode)
        .flatMap(t -> tuple((MappingNode) t.getValueNode(), "response"))
        .ifPresent(
            r -> {
              int key = offset(r.getKeyNode().getStartMark());
              StringBuilder comment = new StringBuilder();
              check(
                  comment,
                  indent(r),
                  "'response' (first format) renamed 'reasoning': the reasoning the resource triggers in people");
              edits.add(new Edit(lineStart(key), lineStart(key), comment.toString()));
              edits.add(new Edit(key, key + "response".length(), "reasoning"));
            });
    tuple(c, "confidence")
        .filter(t -> t.getValueNode() instanceof MappingNode)
        .ifPresent(t -> confidence((MappingNode) t.getValueNode()));
  }

  private void confidence(MappingNode conf) {
    for (String component :
        List.of("methodological_limitations", "coherence", "adequacy", "relevance")) {
      tuple(conf, component)
          .filter(
              t -> t.getValueNode() instanceof MappingNode m && tuple(m, "explanation").isEmpty())
          .ifPresent(
              t -> {
                int at = lineStart(offset(t.getKeyNode().getStartMark()));
                StringBuilder comment = new StringBuilder();
                check(
                    comment,
                    indent(t),
                    "explain this judgement: format 2 explains every component (validation reports it missing until you do)");
                edits.add(new Edit(at, at, comment.toString()));
              });
    }
    tuple(conf, "override")
        .ifPresent(
            o -> {
              String was =
                  o.getValueNode() instanceof MappingNode m
                      ? "overall "
                          + tuple(m, "overall").flatMap(TheoryMigration::scalar).orElse("?")
                          + ", justification: "
                          + tuple(m, "justification").flatMap(TheoryMigration::scalar).orElse("?")
                      : valueText(o);
              int at = lineStart(offset(o.getKeyNode().getStartMark()));
              StringBuilder comment = new StringBuilder();
              check(
                  comment,
                  indent(o),
                  "override removed (GRADE-CERQual has no override): it was "
                      + was.replaceAll("\\s+", " ").replaceAll("\\.$", "")
                      + ". Record the disagreement in the component it is about and judge 'overall' from the components");
              edits.add(new Edit(at, at, comment.toString()));
              remove(o);
            });
  }

  // ---- text helpers ----

  private void check(StringBuilder out, String indent, String message) {
    checks++;
    out.append(indent).append("# CHECK ").append(message).append(nl);
  }

  /** Removes a key and its value, from the key's line to the end of the value's last line. */
  private void remove(NodeTuple t) {
    edits.add(new Edit(lineStart(offset(t.getKeyNode().getStartMark())), after(t), ""));
  }

  /** The offset just after the line the value of {@code t} ends on. */
  private int after(NodeTuple t) {
    int end = offset(t.getValueNode().getEndMark());
    if (end > 0 && end <= text.length() && text.charAt(end - 1) == '\n') {
      return end;
    }
    int line = lineIndex(end);
    return line + 1 < lineStarts.size() ? lineStarts.get(line + 1) : text.length();
  }

  private String valueText(NodeTuple t) {
    int start = offset(t.getValueNode().getStartMark());
    int end = offset(t.getValueNode().getEndMark());
    return text.substring(start, end).stripTrailing();
  }

  /** A value's source text under a key {@code more} columns deeper than it was. */
  private String reindent(String value, int more) {
    return value.replace(nl, nl + " ".repeat(more));
  }

  private String indent(NodeTuple t) {
    return " ".repeat(t.getKeyNode().getStartMark().getColumn());
  }

  private static Optional<NodeTuple> tuple(MappingNode m, String key) {
    return m.getValue().stream()
        .filter(t -> t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key))
        .findFirst();
  }

  private static Optional<String> scalar(NodeTuple t) {
    return t.getValueNode() instanceof ScalarNode s ? Optional.of(s.getValue()) : Optional.empty();
  }

  private int offset(Mark mark) {
    int line = Math.min(mark.getLine(), lineStarts.size() - 1);
    int at = lineStarts.get(line);
    for (int c = 0; c < mark.getColumn() && at < text.length(); c++) {
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

  private String apply() {
    List<Edit> sorted = new ArrayList<>(edits);
    // Later edits first, so earlier offsets stay valid; at one offset, insertions keep their order.
    sorted.sort(Comparator.comparingInt(Edit::start).reversed());
    StringBuilder out = new StringBuilder(text);
    List<Edit> sameStart = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      Edit e = sorted.get(i);
      sameStart.add(e);
      if (i + 1 < sorted.size() && sorted.get(i + 1).start() == e.start()) {
        continue;
      }
      // Edits at one offset: the removal (if any) first, then the insertions in the order made.
      int start = e.start();
      int end = sameStart.stream().mapToInt(Edit::end).max().orElse(start);
      StringBuilder insert = new StringBuilder();
      edits.stream()
          .filter(x -> x.start() == start && x.end() == x.start())
          .forEach(x -> insert.append(x.text()));
      String replaced =
          sameStart.stream()
              .filter(x -> x.end() > x.start())
              .map(Edit::text)
              .findFirst()
              .orElse("");
      out.replace(start, end, insert + replaced);
      sameStart.clear();
    }
    return out.toString();
  }
}
