package org.cmograph.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The search and selection log drawn as a RAMESES/PRISMA 2020-style flow diagram: records
 * identified (database and register searches on the left, other methods on the right), duplicates
 * removed, each screening stage with its exclusions by reason beside it, and what was included
 * (records, reports, studies). The layout is computed here as boxes in two columns with phase bands
 * on the left; rendered ({@link FlowDiagramSvg}) as inline SVG that scales to the page width.
 */
public final class FlowDiagram {
  static final int MARGIN = 16;
  static final int BAND = 26;
  static final int MAIN_X = MARGIN + BAND + 12;
  static final int MAIN_W = 330;
  static final int GAP_X = 44;
  static final int SIDE_X = MAIN_X + MAIN_W + GAP_X;
  static final int SIDE_W = 320;
  static final int WIDTH = SIDE_X + SIDE_W + MARGIN;
  static final int GAP_Y = 30;
  static final int LINE = 16;
  static final int PAD = 9;
  static final double CHAR_W = 6.7;

  /** A box: its phase, where it stands, a bold first line and the lines under it. */
  public record Box(
      String key,
      String phase,
      int x,
      int y,
      int w,
      int h,
      String title,
      List<String> lines,
      boolean side) {}

  /** An arrow from one box to another (down the main column, or across to a side box). */
  public record Arrow(Box from, Box to) {}

  private final SelectionFlow flow;
  private final List<Box> boxes = new ArrayList<>();
  private final List<Arrow> arrows = new ArrayList<>();

  /** How many lines of each box's (wrapped) title there are, by key: they are drawn bold. */
  private final java.util.Map<String, Integer> titleLines = new java.util.HashMap<>();

  private int height;

  private FlowDiagram(SelectionFlow flow) {
    this.flow = flow;
  }

  public List<Box> boxes() {
    return List.copyOf(boxes);
  }

  public List<Arrow> arrows() {
    return List.copyOf(arrows);
  }

  public static FlowDiagram of(SelectionFlow flow) {
    FlowDiagram d = new FlowDiagram(flow);
    d.layout();
    return d;
  }

  private void layout() {
    int y = MARGIN;
    // Identification: searches | other methods, side by side, then the total.
    List<String> searches = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (SelectionFlow.Source s : flow.sources()) {
      List<String> column = s.search() ? searches : others;
      column.add("• " + s.source() + ": n = " + s.records());
      column.add("   " + s.id() + ", " + (s.date() == null ? "date not reported" : s.date()));
    }
    if (searches.isEmpty()) {
      searches.add("No database or register search recorded.");
    }
    if (others.isEmpty()) {
      others.add("None recorded.");
    }
    Box left =
        box(
            "searches",
            "Identification",
            MAIN_X,
            y,
            MAIN_W,
            "Databases and registers (n = " + flow.searchRecords() + ")",
            searches,
            false);
    Box right =
        box(
            "other-methods",
            "Identification",
            SIDE_X,
            y,
            SIDE_W,
            "Other methods (n = " + flow.otherRecords() + ")",
            others,
            false);
    int rowH = Math.max(left.h(), right.h());
    left = resize(left, rowH);
    right = resize(right, rowH);
    boxes.set(boxes.size() - 2, left);
    boxes.set(boxes.size() - 1, right);
    y += rowH + GAP_Y;
    Box total =
        box(
            "identified",
            "Identification",
            MAIN_X,
            y,
            MAIN_W,
            "Records identified (n = " + flow.identified() + ")",
            List.of(),
            false);
    arrows.add(new Arrow(left, total));
    arrows.add(new Arrow(right, total));
    Box previous = total;
    if (flow.duplicatesRemoved() != null) {
      Box dups =
          box(
              "duplicates",
              "Identification",
              SIDE_X,
              y,
              SIDE_W,
              "Duplicates removed (n = " + flow.duplicatesRemoved() + ")",
              flow.duplicatesNote() == null ? List.of() : List.of(flow.duplicatesNote()),
              true);
      arrows.add(new Arrow(total, dups));
      y += Math.max(total.h(), dups.h());
    } else {
      y += total.h();
    }
    y += GAP_Y;
    if (flow.stages().isEmpty()) {
      Box none =
          box(
              "no-screening",
              "Screening",
              MAIN_X,
              y,
              MAIN_W,
              "Records after duplicates (n = " + flow.afterDuplicates() + ")",
              List.of(
                  "No screening stage recorded: every record left after duplicates was included."),
              false);
      arrows.add(new Arrow(previous, none));
      previous = none;
      y += none.h() + GAP_Y;
    }
    for (SelectionFlow.Stage s : flow.stages()) {
      if (s.notRetrieved() > 0) {
        Box sought =
            box(
                "sought-" + s.order(),
                "Screening",
                MAIN_X,
                y,
                MAIN_W,
                "Reports sought for retrieval (n = " + s.sought() + ")",
                List.of(),
                false);
        Box lost =
            box(
                "not-retrieved-" + s.order(),
                "Screening",
                SIDE_X,
                y,
                SIDE_W,
                "Reports not retrieved (n = " + s.notRetrieved() + ")",
                List.of(),
                true);
        arrows.add(new Arrow(previous, sought));
        arrows.add(new Arrow(sought, lost));
        previous = sought;
        y += Math.max(sought.h(), lost.h()) + GAP_Y;
      }
      Box screened =
          box(
              "screened-" + s.order(),
              "Screening",
              MAIN_X,
              y,
              MAIN_W,
              "Screened: " + s.label() + " (n = " + s.screened() + ")",
              List.of(),
              false);
      List<String> reasons = new ArrayList<>();
      for (SelectionFlow.Exclusion e : s.excluded()) {
        reasons.add(e.reason() + " (n = " + e.count() + ")");
      }
      Box excluded =
          box(
              "excluded-" + s.order(),
              "Screening",
              SIDE_X,
              y,
              SIDE_W,
              "Excluded (n = " + s.excludedTotal() + ")",
              reasons,
              true);
      arrows.add(new Arrow(previous, screened));
      arrows.add(new Arrow(screened, excluded));
      previous = screened;
      y += Math.max(screened.h(), excluded.h()) + GAP_Y;
    }
    Box included =
        box(
            "included",
            "Included",
            MAIN_X,
            y,
            MAIN_W,
            "Included (n = " + flow.includedRecords() + " records)",
            List.of(
                Cerqual.plural(flow.included().size(), "report", "reports") + " (extraction files)",
                Cerqual.plural(flow.studies(), "study", "studies")
                    + (flow.studies() < flow.included().size()
                        ? " (reports of one study count once)"
                        : "")),
            false);
    arrows.add(new Arrow(previous, included));
    height = y + included.h() + MARGIN;
  }

  private Box box(
      String key,
      String phase,
      int x,
      int y,
      int w,
      String title,
      List<String> lines,
      boolean side) {
    List<String> t = wrap(title, w, true);
    List<String> wrapped = new ArrayList<>();
    for (String l : lines) {
      wrapped.addAll(wrap(l, w, false));
    }
    int h = 2 * PAD + (t.size() + wrapped.size()) * LINE;
    List<String> all = new ArrayList<>(t.subList(1, t.size()));
    all.addAll(wrapped);
    Box b = new Box(key, phase, x, y, w, h, t.get(0), List.copyOf(all), side);
    titleLines.put(key, t.size());
    boxes.add(b);
    return b;
  }

  private static Box resize(Box b, int h) {
    return new Box(b.key(), b.phase(), b.x(), b.y(), b.w(), h, b.title(), b.lines(), b.side());
  }

  static List<String> wrap(String text, int width, boolean bold) {
    int max = (int) ((width - 2 * PAD) / (bold ? CHAR_W * 1.08 : CHAR_W));
    String indent = text.startsWith("• ") || text.startsWith("   ") ? "   " : "";
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder(text.startsWith("   ") ? indent : "");
    int start = line.length();
    for (String word : text.strip().split("\\s+")) {
      if (line.length() > start && line.length() + 1 + word.length() > max) {
        lines.add(line.toString());
        line.setLength(0);
        line.append(indent);
        start = line.length();
      }
      if (line.length() > start) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  /** One sentence with every count, for a caption or a Markdown paragraph. */
  public String summary() {
    StringBuilder s = new StringBuilder();
    s.append(flow.identified())
        .append(" records identified (")
        .append(flow.searchRecords())
        .append(" from databases and registers, ")
        .append(flow.otherRecords())
        .append(" by other methods)");
    if (flow.duplicatesRemoved() != null) {
      s.append(" → ")
          .append(Cerqual.plural(flow.duplicatesRemoved(), "duplicate", "duplicates"))
          .append(" removed");
    }
    if (flow.stages().isEmpty()) {
      s.append(" → no screening stage recorded");
    }
    for (SelectionFlow.Stage st : flow.stages()) {
      if (st.notRetrieved() > 0) {
        s.append(" → ").append(st.notRetrieved()).append(" not retrieved");
      }
      s.append(" → ")
          .append(st.screened())
          .append(" screened (")
          .append(st.label())
          .append("), ")
          .append(st.excludedTotal())
          .append(" excluded");
    }
    s.append(" → ")
        .append(flow.includedRecords())
        .append(" records included, in ")
        .append(Cerqual.plural(flow.included().size(), "report", "reports"))
        .append(" from ")
        .append(Cerqual.plural(flow.studies(), "study", "studies"))
        .append('.');
    return s.toString();
  }

  /** The picture as an SVG element that scales down with the page. */
  public String svg() {
    return FlowDiagramSvg.svg(this);
  }

  int height() {
    return height;
  }

  /** How many lines of this box, its title first, are drawn bold (its wrapped title). */
  int boldLines(Box b) {
    return titleLines.getOrDefault(b.key(), 1);
  }
}
