package org.cmograph.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The refinement of the programme theory as a picture: one column per version, one row per theory
 * configuration, a box wherever the configuration is part of that version, marked added, refined,
 * split, merged, unchanged or dropped, with an arrow from each configuration to the one that
 * revises it. HTML gets it as inline SVG; Markdown as a table of the same marks.
 */
final class RefinementDiagram {
  /** What a configuration is in one version. */
  enum Mark {
    ADDED("added", "#e8f5e9", "#2e7d32"),
    REFINED("refined", "#e3f2fd", "#1565c0"),
    SPLIT("split", "#f3e5f5", "#6a1b9a"),
    MERGED("merged", "#f3e5f5", "#6a1b9a"),
    UNCHANGED("unchanged", "#fafafa", "#90a4ae"),
    DROPPED("dropped", "#ffebee", "#c62828"),
    ABSENT("", null, null);

    final String word;
    final String fill;
    final String stroke;

    Mark(String word, String fill, String stroke) {
      this.word = word;
      this.fill = fill;
      this.stroke = stroke;
    }
  }

  private final EvidenceBase.Theory theory;
  private final List<EvidenceBase.TheoryCmoc> rows;

  private RefinementDiagram(EvidenceBase.Theory theory) {
    this.theory = theory;
    this.rows = order(theory);
  }

  static RefinementDiagram of(EvidenceBase.Theory theory) {
    return new RefinementDiagram(theory);
  }

  /** Configurations in row order: by version entered, each revision right after what it revises. */
  private static List<EvidenceBase.TheoryCmoc> order(EvidenceBase.Theory t) {
    List<EvidenceBase.TheoryCmoc> out = new ArrayList<>();
    for (EvidenceBase.TheoryCmoc c : t.all()) {
      List<String> revises = revises(c);
      int at = out.size();
      if (!revises.isEmpty()) {
        for (int i = 0; i < out.size(); i++) {
          if (revises.contains(out.get(i).id())) {
            at = i + 1;
          }
        }
        // After earlier revisions of the same configuration, so the parts of a split keep their
        // order.
        while (at < out.size() && !java.util.Collections.disjoint(revises(out.get(at)), revises)) {
          at++;
        }
      }
      out.add(at, c);
    }
    return out;
  }

  private static List<String> revises(EvidenceBase.TheoryCmoc c) {
    return c.origin().map(EvidenceBase.Change::revises).orElse(List.of());
  }

  List<EvidenceBase.TheoryCmoc> rows() {
    return rows;
  }

  /** What configuration {@code c} is in version {@code v}. */
  Mark mark(EvidenceBase.TheoryCmoc c, EvidenceBase.Version v) {
    int entered = c.enteredAt(theory);
    int ended = c.endedAt(theory);
    boolean droppedHere =
        c.dropped().map(e -> theory.index(e.version()) == v.index()).orElse(false);
    if (droppedHere) {
      return Mark.DROPPED;
    }
    if (v.index() < entered || v.index() >= ended) {
      return Mark.ABSENT;
    }
    if (v.index() > entered) {
      return Mark.UNCHANGED;
    }
    return switch (c.origin().map(EvidenceBase.Change::change).orElse("added")) {
      case "refined" -> Mark.REFINED;
      case "split" -> Mark.SPLIT;
      case "merged" -> Mark.MERGED;
      default -> Mark.ADDED;
    };
  }

  /** The Markdown form: configurations as rows, versions as columns, each cell a mark. */
  Doc.Table table() {
    List<String> headers = new ArrayList<>(List.of("Theory configuration"));
    theory.versions().forEach(v -> headers.add(v.id()));
    List<List<List<Doc.Inline>>> out = new ArrayList<>();
    for (EvidenceBase.TheoryCmoc c : rows) {
      List<List<Doc.Inline>> row = new ArrayList<>();
      row.add(List.of(Doc.text(c.label() + " (" + c.id() + ")")));
      for (EvidenceBase.Version v : theory.versions()) {
        Mark m = mark(c, v);
        String cell = m.word;
        if (m == Mark.REFINED || m == Mark.SPLIT || m == Mark.MERGED) {
          cell += " from " + String.join(", ", revises(c));
        } else if (m == Mark.ABSENT && c.dropped().isEmpty() && v.index() >= c.endedAt(theory)) {
          cell =
              "replaced by "
                  + String.join(
                      ", ",
                      theory.revisedBy(c.id()).stream().map(EvidenceBase.TheoryCmoc::id).toList());
        }
        row.add(Doc.cell(cell.isEmpty() ? "—" : cell));
      }
      out.add(row);
    }
    return new Doc.Table(headers, out, null);
  }

  private static final int COL = 290;
  private static final int GAP = 70;
  private static final int ROW = 66;
  private static final int BOX_H = 56;
  private static final int TOP = 46;
  private static final int LEFT = 10;

  /** The SVG form. */
  String svg() {
    int columns = theory.versions().size();
    int width = LEFT * 2 + columns * COL + (columns - 1) * GAP;
    int height = TOP + rows.size() * ROW + 40;
    StringBuilder out = new StringBuilder();
    out.append(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"refinement-diagram\" role=\"img\"")
        .append(" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" aria-labelledby=\"refinement-diagram-title\" font-family=\"sans-serif\">\n")
        .append(
            "<title id=\"refinement-diagram-title\">Refinement of the programme theory: each theory configuration in each version, marked added, refined, split, merged, unchanged or dropped</title>\n")
        .append(
            "<defs><marker id=\"refinement-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#1565c0\"/></marker></defs>\n");
    for (EvidenceBase.Version v : theory.versions()) {
      int x = x(v);
      out.append("<text x=\"")
          .append(x + COL / 2)
          .append(
              "\" y=\"22\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\" fill=\"#263238\">")
          .append(Text.html(v.id() + (v.date() == null ? "" : " (" + v.date() + ")")))
          .append("</text>\n");
    }
    Map<String, int[]> lastBox = new HashMap<>();
    for (int r = 0; r < rows.size(); r++) {
      EvidenceBase.TheoryCmoc c = rows.get(r);
      int y = TOP + r * ROW;
      for (EvidenceBase.Version v : theory.versions()) {
        Mark m = mark(c, v);
        if (m == Mark.ABSENT) {
          continue;
        }
        int x = x(v);
        out.append("<g class=\"refinement-")
            .append(m.word)
            .append("\"><title>")
            .append(
                Text.html(
                    c.label()
                        + " ("
                        + c.id()
                        + "): "
                        + m.word
                        + " in "
                        + v.id()
                        + ". "
                        + c.statement()))
            .append("</title>")
            .append("<rect x=\"")
            .append(x)
            .append("\" y=\"")
            .append(y)
            .append("\" width=\"")
            .append(COL)
            .append("\" height=\"")
            .append(BOX_H)
            .append("\" rx=\"5\" fill=\"")
            .append(m.fill)
            .append("\" stroke=\"")
            .append(m.stroke)
            .append("\" stroke-width=\"1.5\"")
            .append(m == Mark.DROPPED ? " stroke-dasharray=\"6 4\"" : "")
            .append("/>")
            .append(label(c.label(), x + 8, y + 16, m == Mark.DROPPED))
            .append("<text x=\"")
            .append(x + 8)
            .append("\" y=\"")
            .append(y + 49)
            .append("\" font-size=\"11\" font-weight=\"bold\" fill=\"")
            .append(m.stroke)
            .append("\">")
            .append(Text.html(m.word.toUpperCase(java.util.Locale.ROOT)))
            .append("</text></g>\n");
        if (m != Mark.DROPPED) {
          lastBox.put(c.id(), new int[] {x + COL, y + BOX_H / 2});
        }
      }
    }
    // Arrows from a configuration to those that revise it.
    for (int r = 0; r < rows.size(); r++) {
      EvidenceBase.TheoryCmoc c = rows.get(r);
      EvidenceBase.Change origin = c.origin().orElse(null);
      if (origin == null || origin.revises().isEmpty()) {
        continue;
      }
      int tx = theory.version(origin.version()).map(this::x).orElse(LEFT);
      int ty = TOP + r * ROW + BOX_H / 2;
      for (String revised : origin.revises()) {
        int[] from = lastBox.get(revised);
        if (from != null) {
          out.append("<path d=\"M ")
              .append(from[0])
              .append(' ')
              .append(from[1])
              .append(" C ")
              .append(from[0] + GAP / 2)
              .append(' ')
              .append(from[1])
              .append(", ")
              .append(tx - GAP / 2)
              .append(' ')
              .append(ty)
              .append(", ")
              .append(tx)
              .append(' ')
              .append(ty)
              .append(
                  "\" fill=\"none\" stroke=\"#1565c0\" stroke-width=\"1.5\" marker-end=\"url(#refinement-arrow)\"/>\n");
        }
      }
    }
    int ly = TOP + rows.size() * ROW + 14;
    out.append("<text x=\"")
        .append(LEFT)
        .append("\" y=\"")
        .append(ly)
        .append("\" font-size=\"11\" fill=\"#444\">")
        .append(
            "Green: added; blue: refined (arrow from what it revises); purple: split or merged;")
        .append("</text>\n<text x=\"")
        .append(LEFT)
        .append("\" y=\"")
        .append(ly + 15)
        .append("\" font-size=\"11\" fill=\"#444\">")
        .append("grey: unchanged; red, dashed and struck through: dropped.")
        .append("</text>\n</svg>");
    return out.toString();
  }

  private int x(EvidenceBase.Version v) {
    return LEFT + (v.index() - 1) * (COL + GAP);
  }

  /** The label in up to two lines of about 44 characters, the second shortened if need be. */
  private static String label(String label, int x, int y, boolean struck) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : label.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > 44) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    lines.add(line.toString());
    if (lines.size() > 2) {
      String second = String.join(" ", lines.subList(1, lines.size()));
      lines = List.of(lines.get(0), second.substring(0, Math.min(second.length(), 43)) + "…");
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      out.append("<text x=\"")
          .append(x)
          .append("\" y=\"")
          .append(y + i * 15)
          .append("\" font-size=\"12\" fill=\"#222\"")
          .append(struck ? " text-decoration=\"line-through\"" : "")
          .append('>')
          .append(Text.html(lines.get(i)))
          .append("</text>");
    }
    return out.toString();
  }
}
