package org.cmograph.report;

import static org.cmograph.report.TheoryDiagram.CONTEXT_W;
import static org.cmograph.report.TheoryDiagram.GAP_X;
import static org.cmograph.report.TheoryDiagram.LINE;
import static org.cmograph.report.TheoryDiagram.MARGIN;
import static org.cmograph.report.TheoryDiagram.MECHANISM_W;
import static org.cmograph.report.TheoryDiagram.PAD;

import java.util.List;
import org.cmograph.report.TheoryDiagram.Edge;
import org.cmograph.report.TheoryDiagram.Node;

/**
 * Draws a laid-out {@link TheoryDiagram} as inline SVG: column headers, the edges with their labels
 * (one where the edges into a mechanism meet it, one on each edge out of it), and the boxes, each a
 * link to what it stands for.
 */
final class TheoryDiagramSvg {
  private TheoryDiagramSvg() {}

  /**
   * The picture as an SVG element, for inlining in HTML; each box is a link to what it stands for
   * (see {@link TheoryDiagram#target}), {@code href} resolving section slugs (null: not on these
   * pages).
   */
  static String svg(TheoryDiagram d, java.util.function.Function<String, String> href) {
    List<Node> nodes = d.nodes();
    List<Edge> edges = d.edges();
    int width = d.width();
    int height = d.height();
    StringBuilder out = new StringBuilder();
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"theory-diagram\" role=\"group\"")
        .append(" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\"")
        .append(" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\"")
        .append(" aria-labelledby=\"theory-diagram-title\" font-family=\"sans-serif\">\n");
    out.append(
            "<title id=\"theory-diagram-title\">Programme theory: contexts, mechanisms and outcomes,")
        .append(
            " with the number of studies whose findings support (+), refine (~) or refute (−) each link</title>\n");
    out.append(
            "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\"")
        .append(
            " markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\"")
        .append(" fill=\"#555\"/></marker></defs>\n");
    int xc = MARGIN;
    int xm = xc + CONTEXT_W + GAP_X;
    int xo = xm + MECHANISM_W + GAP_X;
    header(out, xc, "Contexts");
    header(out, xm, "Mechanisms (resource → reasoning)");
    header(out, xo, "Outcomes");
    for (Edge e : edges) {
      int x1 = e.from().x() + e.from().w();
      int y1 = e.from().y() + e.from().h() / 2;
      int x2 = e.to().x();
      int y2 = e.to().y() + e.to().h() / 2;
      int c1 = x1 + GAP_X / 2;
      int c2 = x2 - GAP_X / 2;
      String colour =
          e.blocking()
              ? "#c62828"
              : e.conditioning()
                  ? CONDITIONING
                  : (e.from().kind().equals("mechanism") ? "#1565c0" : "#2e7d32");
      out.append("<g class=\"edge")
          .append(e.role() == null ? "" : " " + e.role())
          .append("\"><title>")
          .append(Text.html(e.tooltip()))
          .append("</title>");
      out.append("<path d=\"M ")
          .append(x1)
          .append(' ')
          .append(y1)
          .append(" C ")
          .append(c1)
          .append(' ')
          .append(y1)
          .append(", ")
          .append(c2)
          .append(' ')
          .append(y2)
          .append(", ")
          .append(x2)
          .append(' ')
          .append(y2)
          .append("\" fill=\"none\" stroke=\"")
          .append(colour)
          .append("\" stroke-width=\"1.5\"")
          .append(dashes(e.role()))
          .append(" marker-end=\"url(#arrow)\"/>");
      out.append("</g>\n");
    }
    // All edges into a mechanism belong to one theory CMOC and its context → mechanism link, and
    // carry the same counts: one label where they meet the mechanism, rather than a pile of equal
    // ones. Edges out of it differ by outcome: each is labelled on its own curve, three quarters
    // of the way along, where curves from different mechanisms into one outcome are apart.
    for (Node n : nodes) {
      if (!n.kind().equals("mechanism")) {
        continue;
      }
      String in = null;
      for (Edge e : edges) {
        if (e.to() == n) {
          in = e.label();
        }
      }
      if (in != null) {
        label(out, n.x() - 44, n.y() + n.h() / 2 - 13, in, "#2e7d32");
      }
    }
    for (Edge e : edges) {
      if (!e.from().kind().equals("mechanism")) {
        continue;
      }
      double x1 = e.from().x() + e.from().w();
      double y1 = e.from().y() + e.from().h() / 2.0;
      double x2 = e.to().x();
      double y2 = e.to().y() + e.to().h() / 2.0;
      double t = 0.75;
      double u = 1 - t;
      // the cubic Bezier drawn above: control points (x1 + GAP_X/2, y1) and (x2 - GAP_X/2, y2)
      double x =
          u * u * u * x1
              + 3 * u * u * t * (x1 + GAP_X / 2.0)
              + 3 * u * t * t * (x2 - GAP_X / 2.0)
              + t * t * t * x2;
      double y = u * u * u * y1 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y2;
      label(out, (int) Math.round(x), (int) Math.round(y) - 8, e.label(), "#1565c0");
    }
    for (Node n : nodes) {
      String fill;
      String stroke;
      switch (n.kind()) {
        case "context" -> {
          fill = n.blocking() ? "#ffebee" : n.conditioning() ? "#f5f5f5" : "#f1f8e9";
          stroke = n.blocking() ? "#c62828" : n.conditioning() ? CONDITIONING : "#2e7d32";
        }
        case "mechanism" -> {
          fill = "#e3f2fd";
          stroke = "#1565c0";
        }
        default -> {
          fill = "#fff8e1";
          stroke = "#b26a00";
        }
      }
      String to = d.target(n);
      if (to != null && !to.startsWith(Doc.IRI_BASE)) {
        to = href.apply(to);
      }
      if (to != null) {
        out.append("<a href=\"")
            .append(Text.html(to))
            .append("\" aria-label=\"")
            .append(Text.html(n.tooltip()))
            .append("\">");
      }
      out.append("<g class=\"node ")
          .append(n.kind())
          .append("\" id=\"")
          .append(n.key())
          .append("\"><title>")
          .append(Text.html(n.tooltip()))
          .append("</title>");
      out.append("<rect x=\"")
          .append(n.x())
          .append("\" y=\"")
          .append(n.y())
          .append("\" width=\"")
          .append(n.w())
          .append("\" height=\"")
          .append(n.h())
          .append("\" rx=\"6\" fill=\"")
          .append(fill)
          .append("\" stroke=\"")
          .append(stroke)
          .append("\"")
          .append(dashes(n.role()))
          .append("/>");
      int y = n.y() + PAD + 11;
      if (n.title() != null) {
        for (String l : n.title().split("\n")) {
          out.append("<text x=\"")
              .append(n.x() + PAD)
              .append("\" y=\"")
              .append(y)
              .append("\" font-size=\"12\" font-weight=\"bold\" fill=\"#0d47a1\">")
              .append(Text.html(l))
              .append("</text>");
          y += LINE;
        }
        y += 4;
      }
      for (String l : n.lines()) {
        out.append("<text x=\"")
            .append(n.x() + PAD)
            .append("\" y=\"")
            .append(y)
            .append("\" font-size=\"11\" fill=\"#222\">")
            .append(Text.html(l))
            .append("</text>");
        y += LINE;
      }
      out.append(to == null ? "</g>\n" : "</g></a>\n");
    }
    out.append("<text x=\"")
        .append(MARGIN)
        .append("\" y=\"")
        .append(height - MARGIN / 2 - LINE)
        .append(
            "\" font-size=\"11\" fill=\"#444\">Labels: studies whose findings bear on that link (into a mechanism: context → mechanism;")
        .append(
            " on each edge out: mechanism → that outcome; or the whole configuration): +n support, ~n refine, −n refute.")
        .append("</text>\n");
    out.append("<text x=\"")
        .append(MARGIN)
        .append("\" y=\"")
        .append(height - MARGIN / 2)
        .append(
            "\" font-size=\"11\" fill=\"#444\">Green: an enabling context; dashed red: a blocking")
        .append(
            " context; dotted grey: a conditioning context (it matters; the source does not say")
        .append(" which way).</text>\n");
    out.append("</svg>");
    return out.toString();
  }

  /**
   * How a conditioning context and its edges are drawn: neither enabling green nor blocking red.
   */
  private static final String CONDITIONING = "#616161";

  /** The stroke pattern of a context's box or edge by its role: none for enabling. */
  private static String dashes(String role) {
    if ("blocking".equals(role)) {
      return " stroke-dasharray=\"6 4\"";
    }
    return "conditioning".equals(role) ? " stroke-dasharray=\"2 3\"" : "";
  }

  /** A count label centred on (cx, top + 8), on a white ground so it reads over the edges. */
  private static void label(StringBuilder out, int cx, int top, String text, String colour) {
    int w = (int) Math.round(text.length() * 6.5 + 8);
    out.append("<g class=\"label\"><rect x=\"")
        .append(cx - w / 2)
        .append("\" y=\"")
        .append(top)
        .append("\" width=\"")
        .append(w)
        .append("\" height=\"16\" rx=\"3\" fill=\"#fff\" stroke=\"")
        .append(colour)
        .append("\" stroke-width=\"0.5\"/><text x=\"")
        .append(cx)
        .append("\" y=\"")
        .append(top + 12)
        .append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"#222\">")
        .append(Text.html(text))
        .append("</text></g>\n");
  }

  private static void header(StringBuilder out, int x, String text) {
    out.append("<text x=\"")
        .append(x)
        .append("\" y=\"")
        .append(MARGIN + 14)
        .append("\" font-size=\"13\" font-weight=\"bold\" fill=\"#333\">")
        .append(Text.html(text))
        .append("</text>\n");
  }
}
