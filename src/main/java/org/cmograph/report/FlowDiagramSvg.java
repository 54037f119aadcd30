package org.cmograph.report;

import static org.cmograph.report.FlowDiagram.BAND;
import static org.cmograph.report.FlowDiagram.LINE;
import static org.cmograph.report.FlowDiagram.MARGIN;
import static org.cmograph.report.FlowDiagram.PAD;
import static org.cmograph.report.FlowDiagram.WIDTH;

import java.util.ArrayList;
import java.util.List;
import org.cmograph.report.FlowDiagram.Arrow;
import org.cmograph.report.FlowDiagram.Box;

/**
 * Draws a laid-out {@link FlowDiagram} as inline SVG that scales to the page width: the phase bands
 * on the left, the arrows (down the main column, across to the side boxes) and the boxes, each with
 * its bold title and the lines under it.
 */
final class FlowDiagramSvg {
  private FlowDiagramSvg() {}

  /** The picture as an SVG element that scales down with the page. */
  static String svg(FlowDiagram d) {
    List<Box> boxes = d.boxes();
    List<Arrow> arrows = d.arrows();
    int height = d.height();
    StringBuilder out = new StringBuilder();
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flow-diagram\" role=\"img\"")
        .append(" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(height)
        .append("\"")
        .append(" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\"")
        .append(" aria-labelledby=\"flow-diagram-title\" font-family=\"sans-serif\">\n");
    out.append("<title id=\"flow-diagram-title\">")
        .append(Text.html(d.summary()))
        .append("</title>\n");
    out.append(
            "<defs><marker id=\"flow-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\"")
        .append(
            " markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/></marker></defs>\n");
    for (String phase : List.of("Identification", "Screening", "Included")) {
      int top = Integer.MAX_VALUE;
      int bottom = 0;
      for (Box b : boxes) {
        if (b.phase().equals(phase)) {
          top = Math.min(top, b.y());
          bottom = Math.max(bottom, b.y() + b.h());
        }
      }
      if (top == Integer.MAX_VALUE) {
        continue;
      }
      int cx = MARGIN + BAND / 2;
      int cy = (top + bottom) / 2;
      out.append("<g class=\"phase\"><rect x=\"")
          .append(MARGIN)
          .append("\" y=\"")
          .append(top)
          .append("\" width=\"")
          .append(BAND)
          .append("\" height=\"")
          .append(bottom - top)
          .append("\" rx=\"4\" fill=\"#cfe3f7\"/><text x=\"")
          .append(cx)
          .append("\" y=\"")
          .append(cy)
          .append(
              "\" font-size=\"12\" font-weight=\"bold\" fill=\"#0d47a1\" text-anchor=\"middle\"")
          .append(" dominant-baseline=\"central\" transform=\"rotate(-90 ")
          .append(cx)
          .append(' ')
          .append(cy)
          .append(")\">")
          .append(phase)
          .append("</text></g>\n");
    }
    for (Arrow a : arrows) {
      int x1;
      int y1;
      int x2;
      int y2;
      if (a.to().side() && !a.from().side()) { // across to a side box
        x1 = a.from().x() + a.from().w();
        y1 = a.from().y() + Math.min(a.from().h(), a.to().h()) / 2;
        x2 = a.to().x();
        y2 = y1;
      } else if (a.from().x() != a.to().x()) { // the other-methods box down into the total
        x1 = a.from().x() + a.from().w() / 2;
        y1 = a.from().y() + a.from().h();
        x2 = a.to().x() + a.to().w() - 40;
        y2 = a.to().y();
      } else {
        x1 = a.from().x() + a.from().w() / 2;
        y1 = a.from().y() + a.from().h();
        x2 = x1;
        y2 = a.to().y();
      }
      out.append("<path class=\"arrow\" d=\"M ")
          .append(x1)
          .append(' ')
          .append(y1)
          .append(" L ")
          .append(x2)
          .append(' ')
          .append(y2)
          .append("\" stroke=\"#555\" stroke-width=\"1.5\" fill=\"none\"")
          .append(" marker-end=\"url(#flow-arrow)\"/>\n");
    }
    for (Box b : boxes) {
      out.append("<g class=\"box")
          .append(b.side() ? " side" : "")
          .append("\" id=\"flow-")
          .append(b.key())
          .append("\">");
      out.append("<rect x=\"")
          .append(b.x())
          .append("\" y=\"")
          .append(b.y())
          .append("\" width=\"")
          .append(b.w())
          .append("\" height=\"")
          .append(b.h())
          .append("\" rx=\"4\" fill=\"")
          .append(b.side() ? "#fafafa" : "#fff")
          .append("\" stroke=\"")
          .append(b.side() ? "#78909c" : "#1565c0")
          .append("\"/>");
      int y = b.y() + PAD + 12;
      int bold = d.boldLines(b);
      List<String> lines = new ArrayList<>();
      lines.add(b.title());
      lines.addAll(b.lines());
      for (int i = 0; i < lines.size(); i++) {
        String l = lines.get(i);
        int indent = l.startsWith(" ") ? 11 : 0; // SVG drops leading spaces: indent by position
        out.append("<text x=\"")
            .append(b.x() + PAD + indent)
            .append("\" y=\"")
            .append(y)
            .append("\" font-size=\"12\"")
            .append(i < bold ? " font-weight=\"bold\"" : "")
            .append(" fill=\"#222\">")
            .append(Text.html(l.strip()))
            .append("</text>");
        y += LINE;
      }
      out.append("</g>\n");
    }
    out.append("</svg>");
    return out.toString();
  }
}
