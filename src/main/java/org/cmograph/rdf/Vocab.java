package org.cmograph.rdf;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The ontology's terms as Jena nodes. The ontology file (ontology/cmograph.ttl) is the source of
 * truth; OntologyTermsTest fails if this class names a term the ontology does not declare.
 */
public final class Vocab {
  private Vocab() {}

  public static final String NS = "https://w3id.org/cmograph/ontology#";
  public static final String ONTOLOGY = "https://w3id.org/cmograph/ontology";
  public static final String ID = "https://w3id.org/cmograph/id/";
  public static final String MECHANISM = "https://w3id.org/cmograph/mechanism/";
  public static final String CATALOGUE_SCHEME = MECHANISM + "catalogue";
  public static final String CONTEXT_CONCEPT = "https://w3id.org/cmograph/context/";
  public static final String OUTCOME_CONCEPT = "https://w3id.org/cmograph/outcome/";
  public static final String GRAPH = "https://w3id.org/cmograph/graph/";

  public static final String PROV = "http://www.w3.org/ns/prov#";
  public static final String DCT = "http://purl.org/dc/terms/";
  public static final String BIBO = "http://purl.org/ontology/bibo/";
  public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
  public static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
  public static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  public static final String XSD = "http://www.w3.org/2001/XMLSchema#";

  /** The W3C Web Annotation Vocabulary. */
  public static final String OA = "http://www.w3.org/ns/oa#";

  static Node cmo(String local) {
    return NodeFactory.createURI(NS + local);
  }

  private static Node uri(String iri) {
    return NodeFactory.createURI(iri);
  }

  // classes
  public static final Node Study = cmo("Study");
  public static final Node Publication = cmo("Publication");
  public static final Node Programme = cmo("Programme");
  public static final Node CMOConfiguration = cmo("CMOConfiguration");
  public static final Node Context = cmo("Context");
  public static final Node Mechanism = cmo("Mechanism");
  public static final Node MechanismResource = cmo("MechanismResource");
  public static final Node MechanismResponse = cmo("MechanismResponse");
  public static final Node Outcome = cmo("Outcome");
  public static final Node EvidenceItem = cmo("EvidenceItem");
  public static final Node Extraction = cmo("Extraction");
  public static final Node ExtractionFile = cmo("ExtractionFile");
  public static final Node SourceText = cmo("SourceText");
  public static final Node SampleGroup = cmo("SampleGroup");
  public static final Node MechanismConcept = cmo("MechanismConcept");
  public static final Node ContextConcept = cmo("ContextConcept");
  public static final Node OutcomeConcept = cmo("OutcomeConcept");
  public static final Node Actor = cmo("Actor");
  public static final Node ContextLink = cmo("ContextLink");

  // study and publication
  public static final Node reportedIn = cmo("reportedIn");
  public static final Node studyDesign = cmo("studyDesign");
  public static final Node setting = cmo("setting");
  public static final Node analysisApproach = cmo("analysisApproach");
  public static final Node country = cmo("country");
  public static final Node sampleTotal = cmo("sampleTotal");
  public static final Node hasSampleGroup = cmo("hasSampleGroup");
  public static final Node participantRole = cmo("participantRole");
  public static final Node sampleSize = cmo("sampleSize");
  public static final Node position = cmo("position");
  public static final Node trialRegistration = cmo("trialRegistration");
  public static final Node limitationsConcern = cmo("limitationsConcern");
  public static final Node relevanceConcern = cmo("relevanceConcern");
  public static final Node appraisalNote = cmo("appraisalNote");
  public static final Node evaluates = cmo("evaluates");
  public static final Node reportsCMOC = cmo("reportsCMOC");
  public static final Node hasSourceText = cmo("hasSourceText");
  public static final Node sourceUnavailableReason = cmo("sourceUnavailableReason");
  public static final Node sha256 = cmo("sha256");
  public static final Node authorList = cmo("authorList");
  public static final Node journal = cmo("journal");
  public static final Node hasActor = cmo("hasActor");
  public static final Node actorType = cmo("actorType");
  public static final Node reportsContext = cmo("reportsContext");
  public static final Node reportsOutcome = cmo("reportsOutcome");
  public static final Node sameStudyAs = cmo("sameStudyAs");
  public static final Node restates = cmo("restates");

  // CMOC parts
  public static final Node statement = cmo("statement");
  public static final Node inStudy = cmo("inStudy");
  public static final Node hasContext = cmo("hasContext");
  public static final Node hasMechanism = cmo("hasMechanism");
  public static final Node hasOutcome = cmo("hasOutcome");
  public static final Node supportsTheory = cmo("supportsTheory");
  public static final Node refutesTheory = cmo("refutesTheory");
  public static final Node refinesTheory = cmo("refinesTheory");
  public static final Node contextType = cmo("contextType");
  public static final Node contextRole = cmo("contextRole");
  public static final Node instanceOfConcept = cmo("instanceOfConcept");
  public static final Node studyWording = cmo("studyWording");
  public static final Node hasResource = cmo("hasResource");
  public static final Node hasResponse = cmo("hasResponse");
  public static final Node direction = cmo("direction");
  public static final Node outcomeLevel = cmo("outcomeLevel");
  public static final Node intended = cmo("intended");
  public static final Node configurationKind = cmo("configurationKind");
  public static final Node strategy = cmo("strategy");
  public static final Node mechanismActor = cmo("mechanismActor");
  public static final Node outcomeFor = cmo("outcomeFor");
  public static final Node hasContextLink = cmo("hasContextLink");
  public static final Node linkedContext = cmo("linkedContext");
  public static final Node leadsTo = cmo("leadsTo");
  public static final Node notReported = cmo("notReported");
  public static final Node contextConcept = cmo("contextConcept");
  public static final Node outcomeConcept = cmo("outcomeConcept");

  // evidence
  public static final Node quote = cmo("quote");
  public static final Node location = cmo("location");
  public static final Node speaker = cmo("speaker");
  public static final Node perspective = cmo("perspective");
  public static final Node stance = cmo("stance");
  public static final Node strength = cmo("strength");
  public static final Node inference = cmo("inference");
  public static final Node note = cmo("note");
  public static final Node evidenceFor = cmo("evidenceFor");
  public static final Node concerns = cmo("concerns");
  public static final Node aboutMechanism = cmo("aboutMechanism");

  /** Inferred: the concept and every broader one (skos:broader roll-up), see Entailment. */
  public static final Node countsForMechanism = cmo("countsForMechanism");

  /** Inferred: one study's tally of the findings that count for one concept, see Entailment. */
  public static final Node MechanismDigest = cmo("MechanismDigest");

  public static final Node digestStudy = cmo("digestStudy");
  public static final Node digestMechanism = cmo("digestMechanism");
  public static final Node findingCount = cmo("findingCount");
  public static final Node supportingCount = cmo("supportingCount");
  public static final Node refiningCount = cmo("refiningCount");
  public static final Node refutingCount = cmo("refutingCount");
  public static final Node outcomeFindingCount = cmo("outcomeFindingCount");
  public static final Node digestPerspective = cmo("digestPerspective");

  /** Inferred: one study's counts of configurations and findings, see Entailment. */
  public static final Node StudyDigest = cmo("StudyDigest");

  public static final Node studyDigestOf = cmo("studyDigestOf");
  public static final Node configurationCount = cmo("configurationCount");
  public static final Node studyFindingCount = cmo("studyFindingCount");

  public static final Node fromStudy = cmo("fromStudy");
  public static final Node quoteVerified = cmo("quoteVerified");
  public static final Node evidenceKind = cmo("evidenceKind");
  public static final Node aboutLink = cmo("aboutLink");
  public static final Node page = cmo("page");
  public static final Node section = cmo("section");

  // provenance
  public static final Node extractionDate = cmo("extractionDate");
  public static final Node softwareVersion = cmo("softwareVersion");
  public static final Node extractionNote = cmo("extractionNote");

  // programme theory and GRADE-CERQual confidence assessments
  public static final Node ProgrammeTheory = cmo("ProgrammeTheory");
  public static final Node TheoryCMOC = cmo("TheoryCMOC");
  public static final Node ConfidenceAssessment = cmo("ConfidenceAssessment");
  public static final Node hasTheoryCMOC = cmo("hasTheoryCMOC");
  public static final Node theoryVersion = cmo("theoryVersion");
  public static final Node TheoryVersion = cmo("TheoryVersion");
  public static final Node TheoryChange = cmo("TheoryChange");
  public static final Node SubstantiveTheory = cmo("SubstantiveTheory");
  public static final Node hasVersion = cmo("hasVersion");
  public static final Node versionIndex = cmo("versionIndex");
  public static final Node hasChange = cmo("hasChange");
  public static final Node inVersion = cmo("inVersion");
  public static final Node changeKind = cmo("changeKind");
  public static final Node revises = cmo("revises");
  public static final Node promptedBy = cmo("promptedBy");
  public static final Node rationale = cmo("rationale");
  public static final Node rivalOf = cmo("rivalOf");
  public static final Node drawsOn = cmo("drawsOn");
  public static final Node namedIn = cmo("namedIn");
  public static final Node mechanismActorType = cmo("mechanismActorType");
  public static final Node TheoryLink = cmo("TheoryLink");
  public static final Node hasTheoryLink = cmo("hasTheoryLink");
  public static final Node linkedTheoryCMOC = cmo("linkedTheoryCMOC");
  public static final Node linkStance = cmo("linkStance");
  public static final Node assesses = cmo("assesses");
  public static final Node methodologicalLimitations = cmo("methodologicalLimitations");
  public static final Node coherence = cmo("coherence");
  public static final Node adequacy = cmo("adequacy");
  public static final Node relevance = cmo("relevance");
  public static final Node limitationsExplanation = cmo("limitationsExplanation");
  public static final Node coherenceExplanation = cmo("coherenceExplanation");
  public static final Node adequacyExplanation = cmo("adequacyExplanation");
  public static final Node relevanceExplanation = cmo("relevanceExplanation");
  public static final Node overallConfidence = cmo("overallConfidence");
  public static final Node explanation = cmo("explanation");

  // reused vocabularies
  public static final Node type = uri(RDF + "type");
  public static final Node label = uri(RDFS + "label");
  public static final Node identifier = uri(DCT + "identifier");
  public static final Node title = uri(DCT + "title");
  public static final Node creator = uri(DCT + "creator");
  public static final Node issued = uri(DCT + "issued");
  public static final Node description = uri(DCT + "description");
  public static final Node doi = uri(BIBO + "doi");
  public static final Node bibliographicCitation = uri(DCT + "bibliographicCitation");
  public static final Node wasRevisionOf = uri(PROV + "wasRevisionOf");
  public static final Node wasGeneratedBy = uri(PROV + "wasGeneratedBy");
  public static final Node wasDerivedFrom = uri(PROV + "wasDerivedFrom");
  public static final Node used = uri(PROV + "used");
  public static final Node wasAssociatedWith = uri(PROV + "wasAssociatedWith");
  public static final Node atLocation = uri(PROV + "atLocation");
  public static final Node Agent = uri(PROV + "Agent");
  public static final Node skosNotation = uri(SKOS + "notation");
  public static final Node skosInScheme = uri(SKOS + "inScheme");
  public static final Node skosNote = uri(SKOS + "note");
  public static final Node date = uri(DCT + "date");

  // W3C Web Annotation: where an evidence item's quote stands in its source text
  public static final Node hasTarget = uri(OA + "hasTarget");
  public static final Node hasSource = uri(OA + "hasSource");
  public static final Node hasSelector = uri(OA + "hasSelector");
  public static final Node SpecificResource = uri(OA + "SpecificResource");
  public static final Node TextQuoteSelector = uri(OA + "TextQuoteSelector");
  public static final Node TextPositionSelector = uri(OA + "TextPositionSelector");
  public static final Node exact = uri(OA + "exact");
  public static final Node prefix = uri(OA + "prefix");
  public static final Node suffix = uri(OA + "suffix");
  public static final Node start = uri(OA + "start");
  public static final Node end = uri(OA + "end");

  /** A controlled value, e.g. {@code value("stance", "supports")} is cmo:stance-supports. */
  public static Node value(String scheme, String value) {
    return cmo(scheme + "-" + value);
  }
}
