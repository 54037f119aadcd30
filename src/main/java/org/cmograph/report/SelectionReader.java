package org.cmograph.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.cmograph.rdf.Iris;
import org.cmograph.rdf.SelectionVocab;
import org.cmograph.rdf.Vocab;

/**
 * Reads the search and selection log from its graph (cmog:selection) for the summaries, and counts
 * the studies its included reports make from the study graphs' cmo:sameStudyAs and cmo:restates
 * links. Kept apart from {@link EvidenceReader}: the log is about how documents were chosen, not
 * about what they say.
 *
 * <pre>
 * Optional&lt;SelectionFlow&gt; flow = new SelectionReader(store.dataset()).read();
 * </pre>
 */
public final class SelectionReader {
  private final DatasetGraph dataset;

  public SelectionReader(DatasetGraph dataset) {
    this.dataset = dataset;
  }

  /** The log, or empty when the store holds none. */
  public Optional<SelectionFlow> read() {
    return Txn.calculateRead(dataset, this::readInTxn);
  }

  private Optional<SelectionFlow> readInTxn() {
    if (!dataset.containsGraph(SelectionVocab.GRAPH)) {
      return Optional.empty();
    }
    Graph g = dataset.getGraph(SelectionVocab.GRAPH);
    List<Node> selections = subjects(g, Vocab.type, SelectionVocab.DocumentSelection);
    if (selections.isEmpty()) {
      return Optional.empty();
    }
    Node s = selections.get(0);
    List<SelectionFlow.Source> sources = new ArrayList<>();
    for (Node n : objects(g, s, SelectionVocab.hasIdentification)) {
      sources.add(
          new SelectionFlow.Source(
              string(g, n, Vocab.identifier),
              local(one(g, n, SelectionVocab.identificationMethod), "identification-method-"),
              string(g, n, SelectionVocab.recordSource),
              string(g, n, SelectionVocab.searchDate),
              string(g, n, SelectionVocab.searchStrategy),
              integer(g, n, SelectionVocab.recordsIdentified, 0),
              objects(g, n, SelectionVocab.atLocation).stream()
                  .map(Node::getLiteralLexicalForm)
                  .sorted()
                  .toList(),
              string(g, n, Vocab.skosNote)));
    }
    // The searches first (the left column of a PRISMA 2020 diagram), then the other methods.
    sources.sort(
        Comparator.comparing((SelectionFlow.Source x) -> !x.search())
            .thenComparing(SelectionFlow.Source::id));
    List<SelectionFlow.Stage> stages = new ArrayList<>();
    for (Node n : objects(g, s, SelectionVocab.hasScreeningStage)) {
      List<SelectionFlow.Exclusion> excluded = new ArrayList<>();
      List<Node> exclusions = objects(g, n, SelectionVocab.hasExclusion);
      exclusions.sort(Comparator.comparing(Node::getURI, SelectionReader::byNumberedPath));
      for (Node e : exclusions) {
        excluded.add(
            new SelectionFlow.Exclusion(
                string(g, e, SelectionVocab.exclusionReason),
                integer(g, e, SelectionVocab.recordsExcluded, 0)));
      }
      stages.add(
          new SelectionFlow.Stage(
              integer(g, n, SelectionVocab.stageOrder, 0),
              string(g, n, Vocab.label),
              integer(g, n, SelectionVocab.reportsNotRetrieved, 0),
              integer(g, n, SelectionVocab.recordsScreened, 0),
              List.copyOf(excluded),
              string(g, n, Vocab.skosNote)));
    }
    stages.sort(Comparator.comparingInt(SelectionFlow.Stage::order));
    Map<String, Node> inclusions = new LinkedHashMap<>();
    for (Node n : objects(g, s, SelectionVocab.hasInclusion)) {
      Node report = one(g, n, SelectionVocab.includedReport);
      if (report != null && report.isURI() && report.getURI().startsWith(Vocab.ID)) {
        inclusions.put(report.getURI().substring(Vocab.ID.length()), n);
      }
    }
    List<String> ids = inclusions.keySet().stream().sorted(SelectionReader::natural).toList();
    Map<String, String> group = studyGroups(ids);
    List<SelectionFlow.Report> included = new ArrayList<>();
    for (String id : ids) {
      Node n = inclusions.get(id);
      List<String> same = new ArrayList<>();
      same.add(id);
      ids.stream()
          .filter(o -> !o.equals(id) && group.get(o).equals(group.get(id)))
          .forEach(same::add);
      included.add(
          new SelectionFlow.Report(
              id,
              integer(g, n, SelectionVocab.recordsCovered, 1),
              string(g, n, Vocab.skosNote),
              dataset.containsGraph(Iris.studyGraph(id)),
              List.copyOf(same)));
    }
    int studies = (int) group.values().stream().distinct().count();
    return Optional.of(
        new SelectionFlow(
            string(g, s, Vocab.identifier),
            string(g, s, Vocab.label),
            string(g, s, Vocab.description),
            string(g, s, Vocab.date),
            objects(g, s, Vocab.creator).stream()
                .map(Node::getLiteralLexicalForm)
                .sorted()
                .toList(),
            string(g, s, Vocab.skosNote),
            List.copyOf(sources),
            g.contains(s, SelectionVocab.duplicatesRemoved, Node.ANY)
                ? integer(g, s, SelectionVocab.duplicatesRemoved, 0)
                : null,
            string(g, s, SelectionVocab.duplicatesNote),
            List.copyOf(stages),
            List.copyOf(included),
            studies));
  }

  /**
   * Each included report's study: reports joined by cmo:sameStudyAs or cmo:restates (in either
   * direction, between included reports) share one, named after the first id of the group.
   */
  private Map<String, String> studyGroups(List<String> ids) {
    Iris iris = new Iris();
    Map<String, String> parent = new HashMap<>();
    ids.forEach(id -> parent.put(id, id));
    for (String id : ids) {
      Node study = iris.study(id);
      Graph sg = dataset.getGraph(Iris.studyGraph(id));
      for (Node p : List.of(Vocab.sameStudyAs, Vocab.restates)) {
        sg.find(study, p, Node.ANY)
            .forEachRemaining(
                t -> {
                  Node o = t.getObject();
                  if (o.isURI() && o.getURI().startsWith(Vocab.ID)) {
                    String other = o.getURI().substring(Vocab.ID.length());
                    if (parent.containsKey(other)) {
                      union(parent, id, other);
                    }
                  }
                });
      }
    }
    Map<String, String> out = new HashMap<>();
    ids.forEach(id -> out.put(id, find(parent, id)));
    return out;
  }

  private static String find(Map<String, String> parent, String id) {
    while (!parent.get(id).equals(id)) {
      id = parent.get(id);
    }
    return id;
  }

  private static void union(Map<String, String> parent, String a, String b) {
    String ra = find(parent, a);
    String rb = find(parent, b);
    if (!ra.equals(rb)) {
      // the smaller id names the group, so the result does not depend on the order of the links
      if (ra.compareTo(rb) < 0) {
        parent.put(rb, ra);
      } else {
        parent.put(ra, rb);
      }
    }
  }

  /** "abstract-10-x" after "abstract-9-y": runs of digits compare as numbers. */
  static int natural(String a, String b) {
    String[] pa = a.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
    String[] pb = b.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
    for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
      int c =
          pa[i].matches("[0-9]+")
                  && pb[i].matches("[0-9]+")
                  && pa[i].length() < 10
                  && pb[i].length() < 10
              ? Integer.compare(Integer.parseInt(pa[i]), Integer.parseInt(pb[i]))
              : pa[i].compareTo(pb[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(pa.length, pb.length);
  }

  /** ".../exclusion/10" after ".../exclusion/9". */
  private static int byNumberedPath(String a, String b) {
    String ta = a.substring(a.lastIndexOf('/') + 1);
    String tb = b.substring(b.lastIndexOf('/') + 1);
    if (ta.matches("[0-9]+") && tb.matches("[0-9]+")) {
      return Integer.compare(Integer.parseInt(ta), Integer.parseInt(tb));
    }
    return a.compareTo(b);
  }

  private static List<Node> subjects(Graph g, Node p, Node o) {
    List<Node> out = new ArrayList<>();
    g.find(Node.ANY, p, o).forEachRemaining(t -> out.add(t.getSubject()));
    out.sort(Comparator.comparing(Node::toString));
    return out;
  }

  private static List<Node> objects(Graph g, Node s, Node p) {
    List<Node> out = new ArrayList<>();
    g.find(s, p, Node.ANY).forEachRemaining(t -> out.add(t.getObject()));
    out.sort(Comparator.comparing(Node::toString));
    return out;
  }

  private static Node one(Graph g, Node s, Node p) {
    var it = g.find(s, p, Node.ANY);
    try {
      return it.hasNext() ? it.next().getObject() : null;
    } finally {
      it.close();
    }
  }

  private static String string(Graph g, Node s, Node p) {
    Node o = one(g, s, p);
    return o != null && o.isLiteral() ? o.getLiteralLexicalForm() : null;
  }

  private static int integer(Graph g, Node s, Node p, int otherwise) {
    String v = string(g, s, p);
    try {
      return v == null ? otherwise : Integer.parseInt(v);
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  private static String local(Node value, String prefix) {
    if (value == null || !value.isURI()) {
      return null;
    }
    String uri = value.getURI();
    int at = uri.indexOf(prefix);
    return at < 0 ? uri : uri.substring(at + prefix.length());
  }
}
