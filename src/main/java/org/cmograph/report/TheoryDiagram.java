package org.cmograph.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cmograph.report.TheoryLinks.Counts;

/**
 * The programme theory as a picture: contexts, mechanisms (resource → reasoning) and outcomes in
 * three layers. Each edge is labelled with the number of studies whose findings bear on that link
 * and support (+), refine (~) or refute (−) it: a finding about the whole configuration or about
 * the context → mechanism link counts on the edges into a mechanism, one about the whole
 * configuration or the mechanism → outcome link on the edges out of it. Support for one link is not
 * support for the other (REALIST.md; the rule is {@link TheoryLinks}). The layout is computed here
 * (no browser script): nodes are stacked per layer, contexts and outcomes ordered by the mean
 * position of the mechanisms they connect to, which keeps most edges short and uncrossed. Rendered
 * as inline SVG ({@link TheoryDiagramSvg}) and as Mermaid ({@link TheoryDiagramMermaid}).
 */
public final class TheoryDiagram {
  static final int MARGIN = 20;
  static final int HEADER = 34;
  static final int GAP_X = 180;
  static final int GAP_Y = 14;
  static final int CONTEXT_W = 250;
  static final int MECHANISM_W = 290;
  static final int OUTCOME_W = 230;
  static final int LINE = 14;
  static final int PAD = 8;
  static final double CHAR_W = 6.1;

  /**
   * A box in the picture; {@code role} is a context's role (enabling, conditioning, blocking) and
   * null for other boxes.
   */
  public record Node(
      String key,
      String kind,
      String title,
      List<String> lines,
      String role,
      String tooltip,
      int x,
      int y,
      int w,
      int h) {
    public boolean blocking() {
      return "blocking".equals(role);
    }

    public boolean conditioning() {
      return "conditioning".equals(role);
    }
  }

  /**
   * An arrow with its label and the findings ("study/item") that bear on its link; {@code role} is
   * the context's role on an edge from a context into a mechanism (a context may enable one
   * configuration and block another), null on an edge out of a mechanism.
   */
  public record Edge(
      Node from, Node to, String label, String tooltip, String role, List<String> evidence) {
    public boolean blocking() {
      return "blocking".equals(role);
    }

    /** A context that matters to the mechanism where the source does not say which way. */
    public boolean conditioning() {
      return "conditioning".equals(role);
    }
  }

  private final List<Node> nodes;
  private final List<Edge> edges;
  private final int width;
  private final int height;
  private final List<Section> sections;

  /** The catalogue concept of each context and outcome box (by theory id), where named. */
  private final Map<String, String> contextConcepts = new LinkedHashMap<>();

  private final Map<String, String> outcomeConcepts = new LinkedHashMap<>();

  private TheoryDiagram(
      List<Node> nodes, List<Edge> edges, int width, int height, List<Section> sections) {
    this.nodes = nodes;
    this.edges = edges;
    this.width = width;
    this.height = height;
    this.sections = sections;
  }

  public List<Node> nodes() {
    return nodes;
  }

  public List<Edge> edges() {
    return edges;
  }

  /** Lays out the theory CMOCs of {@code sections} (theory sections, in theory order). */
  public static TheoryDiagram of(List<Section> sections) {
    List<EvidenceBase.TheoryCmoc> cmocs =
        sections.stream().map(s -> s.theoryCmoc().orElseThrow()).toList();
    Map<String, EvidenceBase.Context> contexts = new LinkedHashMap<>();
    Map<String, EvidenceBase.Outcome> outcomes = new LinkedHashMap<>();
    Map<String, List<Integer>> contextUsers = new LinkedHashMap<>();
    Map<String, List<Integer>> outcomeUsers = new LinkedHashMap<>();
    for (int m = 0; m < cmocs.size(); m++) {
      for (EvidenceBase.Context c : cmocs.get(m).contexts()) {
        contexts.putIfAbsent(c.id(), c);
        contextUsers.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(m);
      }
      for (EvidenceBase.Outcome o : cmocs.get(m).outcomes()) {
        outcomes.putIfAbsent(o.id(), o);
        outcomeUsers.computeIfAbsent(o.id(), k -> new ArrayList<>()).add(m);
      }
    }
    List<String> contextOrder = byBarycentre(contextUsers);
    List<String> outcomeOrder = byBarycentre(outcomeUsers);

    int xc = MARGIN;
    int xm = xc + CONTEXT_W + GAP_X;
    int xo = xm + MECHANISM_W + GAP_X;
    int width = xo + OUTCOME_W + MARGIN;

    List<Node> contextNodes = new ArrayList<>();
    for (String id : contextOrder) {
      contextNodes.add(TheoryBoxes.context(contexts.get(id), xc));
    }
    Map<String, Long> perConcept =
        sections.stream()
            .collect(Collectors.groupingBy(s -> s.concept().id(), Collectors.counting()));
    List<Node> mechanismNodes = new ArrayList<>();
    for (int m = 0; m < cmocs.size(); m++) {
      Section s = sections.get(m);
      boolean shared = perConcept.get(s.concept().id()) > 1;
      mechanismNodes.add(TheoryBoxes.mechanism(s, cmocs.get(m), xm, shared));
    }
    List<Node> outcomeNodes = new ArrayList<>();
    for (String id : outcomeOrder) {
      outcomeNodes.add(TheoryBoxes.outcome(outcomes.get(id), xo));
    }
    int tallest =
        Math.max(
            columnHeight(contextNodes),
            Math.max(columnHeight(mechanismNodes), columnHeight(outcomeNodes)));
    int top = MARGIN + HEADER;
    List<Node> placed = new ArrayList<>();
    Map<String, Node> byKey = new LinkedHashMap<>();
    for (List<Node> column : List.of(contextNodes, mechanismNodes, outcomeNodes)) {
      int y = top + (tallest - columnHeight(column)) / 2;
      for (Node n : column) {
        Node p =
            new Node(
                n.key(),
                n.kind(),
                n.title(),
                n.lines(),
                n.role(),
                n.tooltip(),
                n.x(),
                y,
                n.w(),
                n.h());
        placed.add(p);
        byKey.put(p.key(), p);
        y += n.h() + GAP_Y;
      }
    }
    List<Edge> edges = new ArrayList<>();
    for (int m = 0; m < cmocs.size(); m++) {
      EvidenceBase.TheoryCmoc t = cmocs.get(m);
      Counts in = TheoryLinks.counts(sections.get(m), TheoryLinks::onContextMechanism);
      Node mech = byKey.get("m-" + t.id());
      for (EvidenceBase.Context c : t.contexts()) {
        edges.add(
            new Edge(
                byKey.get("c-" + c.id()),
                mech,
                in.label(),
                (c.blocking()
                        ? "blocks "
                        : "conditioning".equals(c.role()) ? "conditions " : "enables ")
                    + t.id()
                    + " (context → mechanism): "
                    + in.words(),
                c.role(),
                in.evidence()));
      }
      for (EvidenceBase.Outcome o : t.outcomes()) {
        String concept = t.concepts().get(o.id());
        Counts toThis =
            TheoryLinks.counts(sections.get(m), e -> TheoryLinks.onMechanismOutcome(e, concept));
        edges.add(
            new Edge(
                mech,
                byKey.get("o-" + o.id()),
                toThis.label(),
                t.id() + " leads to " + o.id() + " (mechanism → outcome): " + toThis.words(),
                null,
                toThis.evidence()));
      }
    }
    // two legend lines below the boxes
    int height = top + tallest + MARGIN + 3 * LINE;
    TheoryDiagram d = new TheoryDiagram(placed, edges, width, height, sections);
    for (EvidenceBase.TheoryCmoc t : cmocs) {
      t.contexts()
          .forEach(
              c -> {
                if (c.concept() != null) {
                  d.contextConcepts.putIfAbsent(c.id(), c.concept());
                }
              });
      t.outcomes()
          .forEach(
              o -> {
                if (t.concepts().get(o.id()) != null) {
                  d.outcomeConcepts.putIfAbsent(o.id(), t.concepts().get(o.id()));
                }
              });
    }
    return d;
  }

  private static int columnHeight(List<Node> column) {
    int h = 0;
    for (Node n : column) {
      h += n.h();
    }
    return h + Math.max(0, column.size() - 1) * GAP_Y;
  }

  /** Keys ordered by the mean index of the mechanisms they connect to; ties keep first use. */
  private static List<String> byBarycentre(Map<String, List<Integer>> users) {
    List<String> keys = new ArrayList<>(users.keySet());
    Map<String, Double> centre = new LinkedHashMap<>();
    users.forEach(
        (k, v) -> centre.put(k, v.stream().mapToInt(Integer::intValue).average().orElse(0)));
    List<String> firstUse = List.copyOf(keys);
    keys.sort(
        java.util.Comparator.comparingDouble((String k) -> centre.get(k))
            .thenComparingInt(firstUse::indexOf));
    return keys;
  }

  /**
   * Where a box leads: a mechanism box to its theory CMOC's section ({@code theory-ID}, a slug
   * resolved by the page), a context or an outcome box to its catalogue concept's IRI where the
   * theory names one; null for none.
   */
  String target(Node n) {
    String id = n.key().substring(2);
    return switch (n.kind()) {
      case "mechanism" -> "theory-" + id;
      case "context" -> conceptIri("context/", contextConcepts.get(id));
      default -> conceptIri("outcome/", outcomeConcepts.get(id));
    };
  }

  private static String conceptIri(String kind, String concept) {
    return concept == null ? null : Doc.IRI_BASE + kind + concept;
  }

  /** The picture as an SVG element, without links. */
  public String svg() {
    return svg(slug -> null);
  }

  /**
   * The picture as an SVG element, for inlining in HTML; each box is a link to what it stands for
   * (see {@link #target}), {@code href} resolving section slugs (null: not on these pages).
   */
  public String svg(java.util.function.Function<String, String> href) {
    return TheoryDiagramSvg.svg(this, href);
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  /** The picture as a Mermaid flowchart, for Markdown. */
  public String mermaid() {
    return TheoryDiagramMermaid.mermaid(this);
  }
}
