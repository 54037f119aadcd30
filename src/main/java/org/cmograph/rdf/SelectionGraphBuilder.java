package org.cmograph.rdf;

import java.util.HashMap;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.cmograph.extraction.SelectionLog;

/**
 * Converts a validated {@link SelectionLog} into the triples of its own graph ({@code
 * cmog:selection}): the selection as a {@code prov:Activity} made of record identifications and
 * screening stages (each stage {@code prov:wasInformedBy} the one before, the first by every
 * identification), exclusions with reason and count, and one inclusion per included report,
 * pointing at the study IRI its extraction file gives.
 *
 * <pre>
 * SelectionGraphBuilder.SelectionGraph g = new SelectionGraphBuilder(Vocab.ID).build(log);
 * </pre>
 */
public final class SelectionGraphBuilder {
  private final String base;

  /**
   * @param base the instance namespace ({@link Vocab#ID})
   */
  public SelectionGraphBuilder(String base) {
    this.base = base;
  }

  /** The log's graph, and which file place each subject came from (for positioned SHACL errors). */
  public record SelectionGraph(Node graphName, Graph graph, Map<Node, String> pointers) {}

  public SelectionGraph build(SelectionLog log) {
    Graph g = GraphFactory.createGraphMem();
    Map<Node, String> pointers = new HashMap<>();
    String root = "selection/" + Iris.slug(log.id());
    Node selection = node(root);
    pointers.put(selection, "/selection");
    add(g, selection, Vocab.type, SelectionVocab.DocumentSelection);
    string(g, selection, Vocab.identifier, log.id());
    string(g, selection, Vocab.label, log.title());
    string(g, selection, Vocab.description, log.description());
    if (log.date() != null) {
      add(g, selection, Vocab.date, NodeFactory.createLiteralDT(log.date(), XSDDatatype.XSDdate));
    }
    log.authors().forEach(a -> string(g, selection, Vocab.creator, a));
    string(g, selection, Vocab.skosNote, log.note());

    for (SelectionLog.Identification i : log.identification()) {
      Node n = node(root + "/identification/" + Iris.slug(i.id()));
      pointers.put(n, i.pointer());
      add(g, selection, SelectionVocab.hasIdentification, n);
      add(g, n, Vocab.type, SelectionVocab.RecordIdentification);
      string(g, n, Vocab.identifier, i.id());
      add(g, n, SelectionVocab.identificationMethod, SelectionVocab.method(i.method()));
      string(g, n, SelectionVocab.recordSource, i.source());
      if (i.date() != null) {
        add(
            g,
            n,
            SelectionVocab.searchDate,
            NodeFactory.createLiteralDT(i.date(), XSDDatatype.XSDdate));
      }
      string(g, n, SelectionVocab.searchStrategy, i.strategy());
      count(g, n, SelectionVocab.recordsIdentified, i.records());
      i.files().forEach(f -> string(g, n, SelectionVocab.atLocation, f));
      string(g, n, Vocab.skosNote, i.note());
    }
    count(g, selection, SelectionVocab.duplicatesRemoved, log.duplicatesRemoved());
    string(g, selection, SelectionVocab.duplicatesNote, log.duplicatesNote());

    Node previous = null;
    for (int s = 0; s < log.screening().size(); s++) {
      SelectionLog.Stage stage = log.screening().get(s);
      String path = root + "/stage/" + (s + 1);
      Node n = node(path);
      pointers.put(n, stage.pointer());
      add(g, selection, SelectionVocab.hasScreeningStage, n);
      add(g, n, Vocab.type, SelectionVocab.ScreeningStage);
      string(g, n, Vocab.label, stage.stage());
      add(
          g,
          n,
          SelectionVocab.stageOrder,
          NodeFactory.createLiteralDT(String.valueOf(s + 1), XSDDatatype.XSDpositiveInteger));
      count(g, n, SelectionVocab.reportsNotRetrieved, stage.notRetrieved());
      count(g, n, SelectionVocab.recordsScreened, stage.screened());
      string(g, n, Vocab.skosNote, stage.note());
      if (previous == null) {
        for (SelectionLog.Identification i : log.identification()) {
          add(
              g,
              n,
              SelectionVocab.wasInformedBy,
              node(root + "/identification/" + Iris.slug(i.id())));
        }
      } else {
        add(g, n, SelectionVocab.wasInformedBy, previous);
      }
      for (int e = 0; e < stage.excluded().size(); e++) {
        SelectionLog.Exclusion x = stage.excluded().get(e);
        Node en = node(path + "/exclusion/" + (e + 1));
        pointers.put(en, x.pointer());
        add(g, n, SelectionVocab.hasExclusion, en);
        add(g, en, Vocab.type, SelectionVocab.Exclusion);
        string(g, en, SelectionVocab.exclusionReason, x.reason());
        count(g, en, SelectionVocab.recordsExcluded, x.count());
      }
      previous = n;
    }

    for (SelectionLog.Included i : log.included()) {
      Node n = node(root + "/included/" + Iris.slug(i.id()));
      pointers.put(n, i.pointer());
      add(g, selection, SelectionVocab.hasInclusion, n);
      add(g, n, Vocab.type, SelectionVocab.Inclusion);
      add(g, n, SelectionVocab.includedReport, node(Iris.slug(i.id())));
      add(
          g,
          n,
          SelectionVocab.recordsCovered,
          NodeFactory.createLiteralDT(String.valueOf(i.records()), XSDDatatype.XSDpositiveInteger));
      string(g, n, Vocab.skosNote, i.note());
    }
    return new SelectionGraph(SelectionVocab.GRAPH, g, pointers);
  }

  private Node node(String path) {
    return NodeFactory.createURI(base + path);
  }

  private static void count(Graph g, Node s, Node p, Integer n) {
    if (n != null) {
      add(
          g,
          s,
          p,
          NodeFactory.createLiteralDT(String.valueOf(n), XSDDatatype.XSDnonNegativeInteger));
    }
  }

  private static void add(Graph g, Node s, Node p, Node o) {
    if (o != null) {
      g.add(Triple.create(s, p, o));
    }
  }

  private static void string(Graph g, Node s, Node p, String value) {
    if (value != null) {
      add(g, s, p, NodeFactory.createLiteralString(value));
    }
  }
}
