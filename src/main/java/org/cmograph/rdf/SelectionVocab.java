package org.cmograph.rdf;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The ontology's terms for the search and selection log, as Jena nodes (kept apart from {@link
 * Vocab}, which holds the terms of studies and the theory). ontology/cmograph.ttl declares them;
 * SelectionOntologyTest fails if this class names a term the ontology does not declare.
 */
public final class SelectionVocab {
  private SelectionVocab() {}

  /** The named graph of the log. */
  public static final Node GRAPH = NodeFactory.createURI(Vocab.GRAPH + "selection");

  // classes
  public static final Node DocumentSelection = Vocab.cmo("DocumentSelection");
  public static final Node RecordIdentification = Vocab.cmo("RecordIdentification");
  public static final Node ScreeningStage = Vocab.cmo("ScreeningStage");
  public static final Node Exclusion = Vocab.cmo("Exclusion");
  public static final Node Inclusion = Vocab.cmo("Inclusion");
  public static final Node IdentificationMethod = Vocab.cmo("IdentificationMethod");

  // properties
  public static final Node hasIdentification = Vocab.cmo("hasIdentification");
  public static final Node identificationMethod = Vocab.cmo("identificationMethod");
  public static final Node recordSource = Vocab.cmo("recordSource");
  public static final Node searchStrategy = Vocab.cmo("searchStrategy");
  public static final Node searchDate = Vocab.cmo("searchDate");
  public static final Node recordsIdentified = Vocab.cmo("recordsIdentified");
  public static final Node duplicatesRemoved = Vocab.cmo("duplicatesRemoved");
  public static final Node duplicatesNote = Vocab.cmo("duplicatesNote");
  public static final Node hasScreeningStage = Vocab.cmo("hasScreeningStage");
  public static final Node stageOrder = Vocab.cmo("stageOrder");
  public static final Node recordsScreened = Vocab.cmo("recordsScreened");
  public static final Node reportsNotRetrieved = Vocab.cmo("reportsNotRetrieved");
  public static final Node hasExclusion = Vocab.cmo("hasExclusion");
  public static final Node exclusionReason = Vocab.cmo("exclusionReason");
  public static final Node recordsExcluded = Vocab.cmo("recordsExcluded");
  public static final Node hasInclusion = Vocab.cmo("hasInclusion");
  public static final Node includedReport = Vocab.cmo("includedReport");
  public static final Node recordsCovered = Vocab.cmo("recordsCovered");

  // reused
  public static final Node wasInformedBy = NodeFactory.createURI(Vocab.PROV + "wasInformedBy");
  public static final Node atLocation = NodeFactory.createURI(Vocab.PROV + "atLocation");

  /** The identification method value, e.g. cmo:identification-method-supplied. */
  public static Node method(String value) {
    return Vocab.value("identification-method", value);
  }
}
