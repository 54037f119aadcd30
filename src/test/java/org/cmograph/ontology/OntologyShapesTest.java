package org.cmograph.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.update.UpdateAction;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Shows what ontology/shapes.ttl accepts and rejects: a hand-written study graph in the shape of
 * docs/model.md conforms, and each break of it (one SPARQL Update) is reported on the right node
 * with the right message. Also keeps the shapes in step with the ontology.
 */
class OntologyShapesTest {

  static final String CMO = "https://w3id.org/cmograph/ontology#";
  static final String SH = "http://www.w3.org/ns/shacl#";
  static final String STUDY = "https://w3id.org/cmograph/id/example-2024";
  static final Path HOME = Path.of(System.getProperty("cmograph.home", "."));

  static Model shapesModel;
  static Shapes shapes;
  static Model ontology;

  @BeforeAll
  static void load() {
    shapesModel = RDFDataMgr.loadModel(HOME.resolve("ontology/shapes.ttl").toString());
    shapes = Shapes.parse(shapesModel.getGraph());
    ontology = RDFDataMgr.loadModel(HOME.resolve("ontology/cmograph.ttl").toString());
  }

  static Model example() {
    return RDFDataMgr.loadModel(
        HOME.resolve("src/test/resources/ontology/valid-study.ttl").toString());
  }

  static String describe(ValidationReport report) {
    StringWriter out = new StringWriter();
    report
        .getEntries()
        .forEach(e -> out.append(e.focusNode() + " " + e.resultPath() + ": " + e.message() + "\n"));
    return out.toString();
  }

  @Test
  void theExampleStudyGraphConforms() {
    ValidationReport report = ShaclValidator.get().validate(shapes, example().getGraph());
    assertTrue(report.conforms(), () -> describe(report));
  }

  /** In the endpoint's union graph the ontology's subclass axioms are visible to sh:targetClass. */
  @Test
  void theExampleStillConformsWithTheOntologyAndCatalogueInTheDataGraph() {
    Model union = example();
    union.add(ontology);
    union.add(RDFDataMgr.loadModel(HOME.resolve("ontology/mechanism-catalogue.ttl").toString()));
    ValidationReport report = ShaclValidator.get().validate(shapes, union.getGraph());
    assertTrue(report.conforms(), () -> describe(report));
  }

  static final String PREFIXES =
      "PREFIX cmo: <"
          + CMO
          + "> PREFIX rdfs: <"
          + RDFS.getURI()
          + "> PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX dcterms:"
          + " <http://purl.org/dc/terms/> PREFIX bibo: <http://purl.org/ontology/bibo/> PREFIX"
          + " xsd: <http://www.w3.org/2001/XMLSchema#> PREFIX oa: <http://www.w3.org/ns/oa#>\n";

  static String iri(String path) {
    return "<" + STUDY + path + ">";
  }

  static String delete(String node, String property) {
    return "DELETE WHERE { " + node + " " + property + " ?x }";
  }

  static String insert(String triples) {
    return "INSERT DATA { " + triples + " }";
  }

  static String replace(String node, String property, String value) {
    return delete(node, property) + " ; " + insert(node + " " + property + " " + value);
  }

  /** One break of the example each: the SPARQL Update, the focus node, part of the message. */
  static Stream<Arguments> breaks() {
    String study = iri("");
    String cmoc = iri("/cmoc/trust");
    String mechanism = iri("/cmoc/trust/mechanism");
    String context = iri("/context/time");
    String outcome = iri("/outcome/engagement");
    String q1 = iri("/evidence/q1");
    String q2 = iri("/evidence/q2");
    String extraction = iri("/extraction");
    String file = iri("/extraction-file");
    String publication = iri("/publication");
    String agent = "<https://w3id.org/cmograph/id/agent/a-reviewer>";
    String target = iri("/evidence/q1/target");
    String position = iri("/evidence/q1/position-selector");
    return Stream.of(
        // study
        args(delete(study, "dcterms:identifier"), study, "exactly one dcterms:identifier"),
        args(
            insert(study + " dcterms:identifier \"second\""),
            study,
            "exactly one dcterms:identifier"),
        args(delete(study, "rdfs:label"), study, "exactly one rdfs:label (its title)"),
        args(delete(study, "cmo:reportsCMOC"), study, "at least one cmo:CMOConfiguration"),
        args(delete(study, "prov:wasGeneratedBy"), study, "exactly one cmo:Extraction"),
        args(
            insert(
                study + " cmo:evaluates <urn:x:p> . <urn:x:p> a cmo:Programme ; rdfs:label \"P\""),
            study,
            "at most one cmo:Programme"),
        args(replace(study, "cmo:sampleTotal", "-1"), study, "non-negative xsd:integer"),
        args(replace(study, "cmo:sampleTotal", "\"12\""), study, "non-negative xsd:integer"),
        args(
            insert(study + " cmo:sourceUnavailableReason \"paywalled\""),
            study,
            "either a registered source text"),
        args(delete(study, "cmo:hasSourceText"), study, "either a registered source text"),
        args(
            insert(study + " cmo:limitationsConcern cmo:stance-supports"),
            study,
            "cmo:limitationsConcern is at most one of"),
        args(
            insert(study + " cmo:trialRegistration \"trial 12\""),
            study,
            "cmo:trialRegistration is an ISRCTN"),
        args(replace(publication, "dcterms:issued", "2024"), publication, "xsd:gYear"),
        args(
            insert(publication + " bibo:doi \"https://doi.org/10.1017/S2045796014000407\""),
            publication,
            "bibo:doi"),
        args(
            delete(iri("/sample/2"), "cmo:position"), iri("/sample/2"), "exactly one cmo:position"),
        // CMOC and its parts
        args(delete(cmoc, "cmo:hasMechanism"), cmoc, "needs exactly one cmo:hasMechanism"),
        args(delete(cmoc, "cmo:inStudy"), cmoc, "exactly one cmo:inStudy"),
        args(delete(cmoc, "rdfs:label"), cmoc, "exactly one rdfs:label"),
        args(
            insert(cmoc + " cmo:supportsTheory <https://example.org/theory>"),
            cmoc,
            "theory CMOC IRI"),
        args(
            replace(mechanism, "cmo:instanceOfConcept", "<https://example.org/trust>"),
            mechanism,
            "concept of the mechanism catalogue"),
        args(
            delete(mechanism, "cmo:instanceOfConcept"),
            mechanism,
            "exactly one cmo:instanceOfConcept"),
        args(
            delete(iri("/cmoc/trust/mechanism/resource"), "rdfs:label"),
            iri("/cmoc/trust/mechanism/resource"),
            "resource or response needs exactly one rdfs:label"),
        args(
            insert(context + " cmo:contextType cmo:context-type-rural"),
            context,
            "cmo:contextType is at most one of"),
        args(delete(outcome, "cmo:intended"), outcome, "exactly one cmo:intended"),
        args(replace(outcome, "cmo:intended", "\"yes\""), outcome, "exactly one cmo:intended"),
        args(
            insert(outcome + " cmo:direction cmo:direction-worsened"),
            outcome,
            "cmo:direction is at most one of"),
        // evidence
        args(replace(q1, "cmo:quote", "\"  \""), q1, "not empty or blank"),
        args(delete(q1, "cmo:location"), q1, "exactly one cmo:location"),
        args(
            delete(q1, "cmo:stance"),
            q1,
            "A finding (cmo:evidence-kind-finding) needs a cmo:stance"),
        args(replace(q1, "cmo:speaker", "cmo:perspective-staff"), q1, "exactly one cmo:speaker"),
        args(
            delete(q1, "cmo:perspective"),
            q1,
            "spoken by a participant needs a participant cmo:perspective"),
        args(
            replace(q1, "cmo:perspective", "cmo:perspective-author-interpretation"),
            q1,
            "spoken by a participant needs a participant cmo:perspective"),
        args(delete(q2, "cmo:inference"), q2, "spoken by the extractor needs a cmo:inference"),
        args(insert(q1 + " cmo:strength cmo:strength-weak"), q1, "cmo:strength is at most one of"),
        args(delete(q1, "cmo:evidenceFor"), q1, "at least one cmo:CMOConfiguration"),
        args(delete(q1, "cmo:quoteVerified"), q1, "exactly one cmo:quoteVerified"),
        args(delete(q1, "cmo:aboutMechanism"), q1, "has no cmo:aboutMechanism"),
        args(
            replace(
                q1,
                "cmo:aboutMechanism",
                "<https://w3id.org/cmograph/mechanism/role-modelling-recovery>"),
            q1,
            "is not the catalogue concept of the mechanism of any"),
        args(
            replace(q1, "cmo:fromStudy", "<urn:x:s> . <urn:x:s> a cmo:Study"),
            q1,
            "is not the study of the CMO configuration"),
        args(
            insert(q1 + " cmo:concerns <urn:x:o> . <urn:x:o> a cmo:Outcome"),
            q1,
            "is not a part (context, mechanism, resource, reasoning, outcome) of any"),
        args(insert(q1 + " cmo:concerns " + study), q1, "cmo:concerns points to a context"),
        // Web Annotation selectors of a verified quote
        args(delete(q1, "oa:hasTarget"), q1, "needs an oa:hasTarget with the quote's selectors"),
        args(
            replace(
                target,
                "oa:hasSource",
                iri("/other-source") + " . " + iri("/other-source") + " a cmo:SourceText"),
            q1,
            "is not the source text it is derived from"),
        args(delete(target, "oa:hasSource"), target, "exactly one oa:hasSource"),
        args(
            "DELETE DATA { "
                + target
                + " oa:hasSelector "
                + iri("/evidence/q1/quote-selector")
                + " }",
            target,
            "exactly one oa:TextQuoteSelector"),
        args(
            insert(
                target
                    + " oa:hasSelector <urn:x:p> . <urn:x:p> a oa:TextPositionSelector ;"
                    + " oa:start \"1\"^^xsd:nonNegativeInteger ; oa:end \"2\"^^xsd:nonNegativeInteger"),
            target,
            "exactly one oa:TextPositionSelector"),
        args(
            delete(iri("/evidence/q1/quote-selector"), "oa:exact"),
            iri("/evidence/q1/quote-selector"),
            "exactly one oa:exact"),
        args(
            replace(position, "oa:end", "\"812\"^^xsd:nonNegativeInteger"),
            position,
            "less than its oa:end"),
        args(
            replace(position, "oa:start", "\"-1\"^^xsd:integer"), position, "exactly one oa:start"),
        // provenance
        args(
            replace(extraction, "cmo:extractionDate", "\"2026-11-22T10:00:00Z\"^^xsd:dateTime"),
            extraction,
            "exactly one cmo:extractionDate, an xsd:date"),
        args(
            delete(extraction, "cmo:softwareVersion"),
            extraction,
            "exactly one cmo:softwareVersion"),
        args(delete(extraction, "prov:used"), extraction, "exactly one cmo:ExtractionFile"),
        args(delete(extraction, "prov:wasAssociatedWith"), extraction, "exactly one prov:Agent"),
        args(delete(agent, "rdfs:label"), agent, "the extractor's name"),
        args(delete(file, "prov:atLocation"), file, "exactly one prov:atLocation"),
        args(
            replace(
                file,
                "cmo:sha256",
                "\"60303AE22B998861BCE3B28F33EEC1BE758A213C86C93C076DBE9F558C11C752\""),
            file,
            "64 lower-case hexadecimal digits"),
        args(delete(iri("/source"), "cmo:sha256"), iri("/source"), "exactly one cmo:sha256"));
  }

  /** The focus node is given as {@code <iri>}, as in the updates. */
  static Arguments args(String update, String focus, String messagePart) {
    return Arguments.of(update, focus.substring(1, focus.length() - 1), messagePart);
  }

  @ParameterizedTest(name = "{2}: {0}")
  @MethodSource("breaks")
  void eachBreakIsReportedOnTheRightNode(String update, String focus, String messagePart) {
    Model data = example();
    UpdateAction.parseExecute(PREFIXES + update, data);
    ValidationReport report = ShaclValidator.get().validate(shapes, data.getGraph());
    assertFalse(report.conforms(), "the break was not detected: " + update);
    List<ReportEntry> hits =
        report.getEntries().stream()
            .filter(e -> e.focusNode().isURI() && e.focusNode().getURI().equals(focus))
            .filter(e -> e.message() != null && e.message().contains(messagePart))
            .toList();
    assertFalse(
        hits.isEmpty(),
        () -> "expected '" + messagePart + "' on <" + focus + ">, got:\n" + describe(report));
  }

  /**
   * The format 2 shapes, each broken once in the example (which conforms): the report holds exactly
   * one result, on this focus node, with this message.
   */
  static Stream<Arguments> format2Breaks() {
    return format2BreakList()
        .map(
            a ->
                a.get().length == 2
                    ? a
                    : Arguments.of(a.get()[0], "<" + a.get()[1] + "> " + a.get()[2]));
  }

  static Stream<Arguments> format2BreakList() {
    String study = iri("");
    String trust = iri("/cmoc/trust");
    String rural = iri("/cmoc/rural");
    String link = iri("/cmoc/trust/context/time");
    String mechanism = iri("/cmoc/trust/mechanism");
    String context = iri("/context/time");
    String outcome = iri("/outcome/engagement");
    String actor = iri("/actor/peer-workers");
    String q1 = iri("/evidence/q1");
    String q2 = iri("/evidence/q2");
    String resource = iri("/cmoc/trust/mechanism/resource");
    String response = iri("/cmoc/trust/mechanism/response");
    return Stream.of(
        // context links
        args(
            delete(link, "cmo:linkedContext"),
            link,
            "A context link needs exactly one cmo:linkedContext, a cmo:Context of the study graph."),
        args(
            insert(link + " cmo:linkedContext " + iri("/context/rural")),
            link,
            "A context link needs exactly one cmo:linkedContext, a cmo:Context of the study graph."),
        args(
            delete(link, "cmo:contextRole"),
            link,
            "A context link needs exactly one cmo:contextRole: cmo:context-role-enabling, -blocking"
                + " or -conditioning."),
        args(
            replace(link, "cmo:contextRole", "cmo:stance-supports"),
            link,
            "A context link needs exactly one cmo:contextRole: cmo:context-role-enabling, -blocking"
                + " or -conditioning."),
        args(
            insert(context + " cmo:contextRole cmo:context-role-enabling"),
            context,
            "A context carries no cmo:contextRole: its role belongs to its link with one"
                + " configuration (cmo:ContextLink)."),
        // configuration kinds
        args(
            delete(trust, "cmo:configurationKind"),
            trust,
            "A study's CMO configuration needs exactly one cmo:configurationKind:"
                + " cmo:cmoc-kind-configuration or cmo:cmoc-kind-outcome-pattern."),
        exact(
            insert(rural + " cmo:configurationKind cmo:cmoc-kind-configuration"),
            rural
                + " cmo:configurationKind is at most one of cmo:cmoc-kind-configuration,"
                + " cmo:cmoc-kind-outcome-pattern.",
            rural
                + " A study's CMO configuration needs exactly one cmo:configurationKind:"
                + " cmo:cmoc-kind-configuration or cmo:cmoc-kind-outcome-pattern.",
            // two kinds: it is also a configuration, which has a mechanism
            rural
                + " A CMO configuration of kind cmo:cmoc-kind-configuration needs exactly one"
                + " cmo:hasMechanism."),
        args(
            replace(rural, "cmo:configurationKind", "cmo:cmoc-kind-configuration"),
            rural,
            "A CMO configuration of kind cmo:cmoc-kind-configuration needs exactly one"
                + " cmo:hasMechanism."),
        args(
            insert(
                rural
                    + " cmo:hasMechanism <urn:x:m> . <urn:x:m> a cmo:Mechanism ;"
                    + " cmo:instanceOfConcept <https://w3id.org/cmograph/mechanism/trusting-relationship> ;"
                    + " cmo:notReported cmo:mechanism-part-resource ,"
                    + " cmo:mechanism-part-reasoning"),
            rural,
            "An outcome pattern (cmo:cmoc-kind-outcome-pattern) has no cmo:hasMechanism."),
        // mechanism parts: stated or said to be not reported, never both
        args(
            delete(mechanism, "cmo:hasResource"),
            mechanism,
            "A mechanism states its resource (cmo:hasResource) or says that the source does not"
                + " report it (cmo:notReported cmo:mechanism-part-resource), not both."),
        args(
            insert(mechanism + " cmo:notReported cmo:mechanism-part-resource"),
            mechanism,
            "A mechanism states its resource (cmo:hasResource) or says that the source does not"
                + " report it (cmo:notReported cmo:mechanism-part-resource), not both."),
        args(
            delete(mechanism, "cmo:hasResponse")
                + " ; DELETE DATA { "
                + q1
                + " cmo:concerns "
                + response
                + " }",
            mechanism,
            "A mechanism states its reasoning (cmo:hasResponse) or says that the source does not"
                + " report it (cmo:notReported cmo:mechanism-part-reasoning), not both."),
        args(
            insert(mechanism + " cmo:notReported cmo:level-distal"),
            mechanism,
            "cmo:notReported is cmo:mechanism-part-resource or cmo:mechanism-part-reasoning."),
        // evidence
        args(
            delete(q1, "cmo:evidenceKind"),
            q1,
            "An evidence item needs exactly one cmo:evidenceKind: cmo:evidence-kind-finding,"
                + " -background, -method, -recommendation or -hypothesis."),
        args(
            insert(q1 + " cmo:evidenceKind cmo:evidence-kind-method"),
            q1,
            "An evidence item needs exactly one cmo:evidenceKind: cmo:evidence-kind-finding,"
                + " -background, -method, -recommendation or -hypothesis."),
        args(
            delete(q1, "cmo:stance"),
            q1,
            "A finding (cmo:evidence-kind-finding) needs a cmo:stance: cmo:stance-supports,"
                + " -refutes or -refines."),
        exact(
            delete(q1, "cmo:evidenceFor"),
            q1
                + " An evidence item is evidence for at least one cmo:CMOConfiguration of its graph"
                + " (cmo:evidenceFor).",
            // and so what it is about is about none of its configurations
            q1
                + " cmo:aboutMechanism <https://w3id.org/cmograph/mechanism/trusting-relationship>"
                + " is not the catalogue concept of the mechanism of any CMO configuration the"
                + " evidence is for.",
            q1
                + " cmo:concerns "
                + iri("/context/time")
                + " is not a part (context, mechanism,"
                + " resource, reasoning, outcome) of any CMO configuration the evidence is for, nor a study context no configuration links (the setting).",
            q1
                + " cmo:concerns "
                + response
                + " is not a part (context, mechanism,"
                + " resource, reasoning, outcome) of any CMO configuration the evidence is for, nor a study context no configuration links (the setting)."),
        args(replace(q1, "cmo:page", "0"), q1, "cmo:page is at most one xsd:integer from 1."),
        // a string fails both sh:datatype and sh:minInclusive
        exact(
            replace(q1, "cmo:page", "\"5\""),
            q1 + " cmo:page is at most one xsd:integer from 1.",
            q1 + " cmo:page is at most one xsd:integer from 1."),
        args(insert(q1 + " cmo:page 6"), q1, "cmo:page is at most one xsd:integer from 1."),
        args(
            replace(q1, "cmo:aboutLink", "cmo:context-role-enabling"),
            q1,
            "cmo:aboutLink is one of cmo:causal-link-context-mechanism, -mechanism-outcome,"
                + " -context-outcome."),
        args(
            replace(
                q1,
                "cmo:concerns",
                iri("/outcome/elsewhere")
                    + " . "
                    + iri("/outcome/elsewhere")
                    + " a cmo:Outcome ; dcterms:identifier \"elsewhere\" ; rdfs:label \"E\" ;"
                    + " cmo:intended true"),
            q1,
            "cmo:concerns <https://w3id.org/cmograph/id/example-2024/outcome/elsewhere> is not a"
                + " part (context, mechanism, resource, reasoning, outcome) of any CMO"
                + " configuration the evidence is for, nor a study context no configuration links"
                + " (the setting)."),
        args(
            delete(q2, "cmo:aboutMechanism"),
            q2,
            "The evidence bears on the mechanism of a CMO configuration whose mechanism is"
                + " <https://w3id.org/cmograph/mechanism/trusting-relationship> but has no"
                + " cmo:aboutMechanism <https://w3id.org/cmograph/mechanism/trusting-relationship>."),
        // the one counting rule: a passage only about a context does not bear on the mechanism
        args(
            replace(q2, "cmo:concerns", iri("/context/rural")),
            q2,
            "cmo:aboutMechanism <https://w3id.org/cmograph/mechanism/trusting-relationship> on"
                + " evidence that speaks only to contexts, outcomes or the context-outcome link: it"
                + " does not bear on the mechanism."),
        // actors
        args(
            delete(actor, "cmo:actorType"),
            actor,
            "An actor needs exactly one cmo:actorType (cmo:actor-type-service-user, -peer-worker,"
                + " ...)."),
        args(
            replace(actor, "cmo:actorType", "cmo:perspective-peer-worker"),
            actor,
            "An actor needs exactly one cmo:actorType (cmo:actor-type-service-user, -peer-worker,"
                + " ...)."),
        args(
            replace(outcome, "cmo:outcomeFor", context),
            outcome,
            "cmo:outcomeFor is at most one cmo:Actor of the study graph (whose outcome it is)."),
        args(
            replace(trust, "cmo:mechanismActor", context),
            trust,
            "cmo:mechanismActor is at most one cmo:Actor of the study graph (whose reasoning the"
                + " mechanism is)."),
        args(
            insert(study + " cmo:sameStudyAs <https://example.org/other>"),
            study,
            "cmo:sameStudyAs points to a study IRI (https://w3id.org/cmograph/id/{study})."));
  }

  /** A break with every result it gives: "<focus> message" lines, in any order. */
  static Arguments exact(String update, String... results) {
    return Arguments.of(update, List.of(results));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("format2Breaks")
  void eachFormat2ShapeReportsExactlyItsViolation(String update, Object expected) {
    List<String> results =
        expected instanceof List<?> l
            ? l.stream().map(Object::toString).sorted().toList()
            : List.of(expected.toString());
    Model data = example();
    UpdateAction.parseExecute(PREFIXES + update, data);
    ValidationReport report = ShaclValidator.get().validate(shapes, data.getGraph());
    assertEquals(
        results,
        report.getEntries().stream()
            .map(e -> "<" + e.focusNode().getURI() + "> " + e.message())
            .sorted()
            .toList(),
        () -> describe(report));
  }

  @Test
  void aMechanismMayLeaveOutWhatTheSourceDoesNotReport() {
    Model data = example();
    String mechanism = iri("/cmoc/trust/mechanism");
    UpdateAction.parseExecute(
        PREFIXES
            + "DELETE WHERE { "
            + mechanism
            + " cmo:hasResource ?r . ?r ?p ?o } ; "
            + insert(mechanism + " cmo:notReported cmo:mechanism-part-resource")
            + " ; DELETE WHERE { "
            + iri("/evidence/q1")
            + " cmo:concerns "
            + iri("/cmoc/trust/mechanism/resource")
            + " }",
        data);
    ValidationReport report = ShaclValidator.get().validate(shapes, data.getGraph());
    assertTrue(report.conforms(), () -> describe(report));
  }

  /** Every sh:in list holds values of the property's range, and a top-level one all of them. */
  @Test
  void shInListsMatchTheOntologysControlledValues() {
    List<String> problems = new ArrayList<>();
    int lists = 0;
    for (Statement st :
        shapesModel
            .listStatements(null, shapesModel.createProperty(SH + "in"), (RDFNode) null)
            .toList()) {
      lists++;
      Resource shape = st.getSubject();
      Resource path = shape.getPropertyResourceValue(shapesModel.createProperty(SH + "path"));
      Resource range = ontology.createResource(path.getURI()).getPropertyResourceValue(RDFS.range);
      Set<RDFNode> listed = new HashSet<>(st.getResource().as(RDFList.class).asJavaList());
      Set<RDFNode> values =
          ontology.listSubjectsWithProperty(RDF.type, range).toList().stream()
              .collect(Collectors.toSet());
      if (!values.containsAll(listed)) {
        problems.add(path + ": sh:in has values outside " + range);
      }
      boolean topLevel =
          shapesModel.contains(null, shapesModel.createProperty(SH + "property"), shape);
      if (topLevel && !listed.equals(values)) {
        problems.add(path + ": sh:in does not list every " + range);
      }
    }
    assertTrue(lists >= 9, "too few sh:in lists: " + lists);
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  /** A shape about a term the ontology does not declare checks nothing. */
  @Test
  void shapesUseOnlyDeclaredCmoTerms() {
    Set<String> declared =
        ontology.listStatements(null, RDF.type, (RDFNode) null).toList().stream()
            .map(st -> st.getSubject())
            .filter(Resource::isURIResource)
            .map(Resource::getURI)
            .collect(Collectors.toSet());
    Set<String> undeclared = new TreeSet<>();
    shapesModel
        .listStatements()
        .forEach(
            st -> {
              RDFNode o = st.getObject();
              if (o.isURIResource()
                  && o.asResource().getURI().startsWith(CMO)
                  && !declared.contains(o.asResource().getURI())) {
                undeclared.add(o.asResource().getURI());
              }
            });
    // List members are objects of rdf:first, so they were seen above.
    assertTrue(undeclared.isEmpty(), "shapes name undeclared terms: " + undeclared);
    assertTrue(shapesModel.contains(null, RDF.type, OWL2.Ontology));
  }

  @Test
  void everyTargetClassIsAClassOfTheOntologyOrProvOrOa() {
    Set<String> targets =
        shapesModel
            .listObjectsOfProperty(shapesModel.createProperty(SH + "targetClass"))
            .toList()
            .stream()
            .map(n -> n.asResource().getURI())
            .collect(Collectors.toSet());
    for (String t : targets) {
      assertTrue(
          ontology.contains(ontology.createResource(t), RDF.type, OWL2.Class),
          t + " is not an owl:Class of the ontology");
    }
    assertEquals(
        Set.of(
            "Study",
            "SampleGroup",
            "TextQuoteSelector",
            "TextPositionSelector",
            "Publication",
            "Programme",
            "CMOConfiguration",
            "Mechanism",
            "MechanismResource",
            "MechanismResponse",
            "Context",
            "ContextLink",
            "Actor",
            "TheoryLink",
            "Outcome",
            "EvidenceItem",
            "Extraction",
            "ExtractionFile",
            "SourceText",
            "Agent"),
        targets.stream().map(t -> t.replaceAll(".*[#/]", "")).collect(Collectors.toSet()));
  }
}
