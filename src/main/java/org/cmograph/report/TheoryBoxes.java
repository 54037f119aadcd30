package org.cmograph.report;

import static org.cmograph.report.TheoryDiagram.CHAR_W;
import static org.cmograph.report.TheoryDiagram.CONTEXT_W;
import static org.cmograph.report.TheoryDiagram.LINE;
import static org.cmograph.report.TheoryDiagram.MECHANISM_W;
import static org.cmograph.report.TheoryDiagram.OUTCOME_W;
import static org.cmograph.report.TheoryDiagram.PAD;

import java.util.ArrayList;
import java.util.List;
import org.cmograph.report.TheoryDiagram.Node;
import org.cmograph.report.TheoryLinks.Counts;

/**
 * What each box of a {@link TheoryDiagram} says: its text wrapped to the box's width, its tooltip
 * and the height that takes; the layout places it (the boxes come back at y = 0).
 */
final class TheoryBoxes {
  private TheoryBoxes() {}

  /** A context's box, at {@code x}. */
  static Node context(EvidenceBase.Context c, int x) {
    List<String> lines = wrap(c.description(), CONTEXT_W);
    String kind = c.role() + " context";
    return new Node(
        "c-" + c.id(),
        "context",
        null,
        lines,
        c.role(),
        kind + ": " + c.description(),
        x,
        0,
        CONTEXT_W,
        boxHeight(0, lines.size()));
  }

  /**
   * The box of the mechanism of theory CMOC {@code t} (its section {@code s}), at {@code x}. When
   * {@code shared}, another theory CMOC draws on the same mechanism concept, and the box's title
   * names the configuration too, so the two boxes can be told apart.
   */
  static Node mechanism(Section s, EvidenceBase.TheoryCmoc t, int x, boolean shared) {
    String name = s.concept().label();
    List<String> title = wrap(shared ? name + " — " + t.label() : name, MECHANISM_W);
    String detail = mechanismText(t);
    List<String> lines = new ArrayList<>(wrap(abbreviate(detail, 150), MECHANISM_W));
    // The whole configuration's findings, refutations included: an outcome pattern's findings
    // bear on no drawn link but do bear on the configuration.
    Counts all = TheoryLinks.counts(s, e -> true);
    lines.add(
        "Configuration: " + (all.evidence().isEmpty() ? "no finding" : all.label() + " studies"));
    return new Node(
        "m-" + t.id(),
        "mechanism",
        String.join("\n", title),
        lines,
        null,
        t.label()
            + " ("
            + t.id()
            + "). Mechanism: "
            + name
            + ". "
            + detail
            + ". Whole configuration: "
            + all.words(),
        x,
        0,
        MECHANISM_W,
        boxHeight(title.size(), lines.size()));
  }

  /** An outcome's box, at {@code x}. */
  static Node outcome(EvidenceBase.Outcome o, int x) {
    List<String> lines = wrap(abbreviate(o.description(), 110), OUTCOME_W);
    return new Node(
        "o-" + o.id(),
        "outcome",
        null,
        lines,
        null,
        "outcome" + (o.level() == null ? "" : " (" + o.level() + ")") + ": " + o.description(),
        x,
        0,
        OUTCOME_W,
        boxHeight(0, lines.size()));
  }

  /** A mechanism as "resource → reasoning", with a placeholder for either the theory leaves out. */
  static String mechanismText(EvidenceBase.TheoryCmoc t) {
    String r = t.resource() == null ? "(resource not stated)" : t.resource();
    String s = t.response() == null ? "(reasoning not reported)" : t.response();
    return r + " → " + s;
  }

  private static int boxHeight(int titleLines, int lines) {
    return 2 * PAD + (titleLines + lines) * LINE + (titleLines > 0 && lines > 0 ? 4 : 0);
  }

  static List<String> wrap(String text, int width) {
    int max = (int) ((width - 2 * PAD) / CHAR_W);
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split("\\s+")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > max) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  static String abbreviate(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int cut = s.lastIndexOf(' ', max - 1);
    return s.substring(0, cut > 0 ? cut : max - 1) + " …";
  }
}
