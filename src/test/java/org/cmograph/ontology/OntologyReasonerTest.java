package org.cmograph.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.RDFDocumentFormat;
import org.semanticweb.owlapi.formats.TurtleDocumentFormat;
import org.semanticweb.owlapi.io.StringDocumentSource;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.OWLClass;
import org.semanticweb.owlapi.model.OWLDataFactory;
import org.semanticweb.owlapi.model.OWLNamedIndividual;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyCreationException;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.model.parameters.Imports;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;
import org.semanticweb.owlapi.reasoner.InferenceType;
import org.semanticweb.owlapi.reasoner.OWLReasoner;

/**
 * Proves the ontology and the mechanism catalogue together are consistent OWL 2 DL with no
 * unsatisfiable class, using the HermiT reasoner through the OWL API (its own Turtle parser, not
 * Jena's), and that the disjointness and range axioms actually bite.
 */
class OntologyReasonerTest {

  static final String CMO = "https://w3id.org/cmograph/ontology#";
  static final String MECH = "https://w3id.org/cmograph/mechanism/";
  static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
  static final Path HOME = Path.of(System.getProperty("cmograph.home", "."));
  static final Path ONTOLOGY = HOME.resolve("ontology/cmograph.ttl");
  static final Path CATALOGUE = HOME.resolve("ontology/mechanism-catalogue.ttl");

  /** The shared catalogues (mechanisms; contexts and outcomes once added): *-catalogue.ttl. */
  static final List<Path> CATALOGUES = catalogues();

  static OWLOntologyManager manager;
  static OWLOntology ontology;
  static OWLDataFactory df;

  @BeforeAll
  static void load() throws IOException, OWLOntologyCreationException {
    assertTrue(Files.isRegularFile(ONTOLOGY), "missing " + ONTOLOGY);
    assertTrue(Files.isRegularFile(CATALOGUE), "missing " + CATALOGUE);
    manager = OWLManager.createOWLOntologyManager();
    df = manager.getOWLDataFactory();
    // One document, so the catalogue is read with the ontology's declarations of the SKOS terms.
    ontology = load(manager, Files.readString(ONTOLOGY) + "\n" + cataloguesText());
  }

  static List<Path> catalogues() {
    try (var files = Files.list(HOME.resolve("ontology"))) {
      return files
          .filter(f -> f.getFileName().toString().endsWith("-catalogue.ttl"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String cataloguesText() throws IOException {
    StringBuilder all = new StringBuilder();
    for (Path c : CATALOGUES) {
      all.append(Files.readString(c)).append('\n');
    }
    return all.toString();
  }

  @Test
  void readsEveryCatalogue() {
    assertTrue(CATALOGUES.contains(CATALOGUE), "catalogues found: " + CATALOGUES);
  }

  static OWLOntology load(OWLOntologyManager m, String turtle) throws OWLOntologyCreationException {
    OWLOntology o =
        m.loadOntologyFromOntologyDocument(
            new StringDocumentSource(
                turtle, "urn:cmograph:test", new TurtleDocumentFormat(), "text/turtle"));
    assertEquals(TurtleDocumentFormat.class, m.getOntologyFormat(o).getClass());
    return o;
  }

  static OWLReasoner reasoner(OWLOntology o) {
    return new ReasonerFactory().createReasoner(o);
  }

  @Test
  void owlApiParsesEveryTriple() {
    RDFDocumentFormat format = (RDFDocumentFormat) manager.getOntologyFormat(ontology);
    var unparsed =
        format
            .getOntologyLoaderMetaData()
            .map(md -> md.getUnparsedTriples().toList())
            .orElseThrow();
    assertTrue(unparsed.isEmpty(), "triples the OWL API could not turn into axioms: " + unparsed);
    assertEquals(
        IRI.create("https://w3id.org/cmograph/ontology/0.3.0"),
        ontology.getOntologyID().getVersionIRI().orElseThrow());
  }

  @Test
  void isInOwl2Dl() {
    List<OWLProfileViolation> violations =
        new OWL2DLProfile().checkOntology(ontology).getViolations();
    assertTrue(
        violations.isEmpty(),
        () ->
            "OWL 2 DL violations:\n"
                + violations.stream().map(Object::toString).collect(Collectors.joining("\n")));
  }

  @Test
  void isConsistentWithNoUnsatisfiableClass() {
    OWLReasoner r = reasoner(ontology);
    try {
      assertTrue(r.isConsistent(), "ontology + catalogue are inconsistent");
      r.precomputeInferences(InferenceType.CLASS_HIERARCHY, InferenceType.CLASS_ASSERTIONS);
      Set<OWLClass> unsatisfiable = r.getUnsatisfiableClasses().getEntitiesMinusBottom();
      assertTrue(unsatisfiable.isEmpty(), "unsatisfiable classes: " + unsatisfiable);
      // Sanity: the reasoner did read the model (named classes exist and are classified).
      assertTrue(
          r.getSuperClasses(cmo("TheoryCMOC"), false).containsEntity(cmo("CMOConfiguration")));
    } finally {
      r.dispose();
    }
  }

  @Test
  void everyCatalogueConceptIsAMechanismConceptAndNothingElse() {
    OWLReasoner r = reasoner(ontology);
    try {
      Set<OWLNamedIndividual> concepts =
          ontology
              .individualsInSignature(Imports.INCLUDED)
              .filter(i -> i.getIRI().toString().startsWith(MECH))
              .filter(i -> !i.getIRI().toString().equals(MECH + "catalogue"))
              .collect(Collectors.toSet());
      assertFalse(concepts.isEmpty(), "the catalogue declares no concept");
      for (OWLNamedIndividual c : concepts) {
        var types = r.getTypes(c, false).entities().collect(Collectors.toSet());
        assertTrue(types.contains(cmo("MechanismConcept")), c + " is not a cmo:MechanismConcept");
        assertTrue(
            types.contains(df.getOWLClass(IRI.create(SKOS + "Concept"))),
            c + " is not a skos:Concept");
        assertFalse(types.contains(cmo("Stance")), c + " is also a controlled value");
      }
    } finally {
      r.dispose();
    }
  }

  @Test
  void exampleStudyGraphIsConsistentWithTheOntology() throws Exception {
    Path example = HOME.resolve("src/test/resources/ontology/valid-study.ttl");
    OWLOntologyManager m = OWLManager.createOWLOntologyManager();
    OWLOntology o =
        load(m, Files.readString(ONTOLOGY) + "\n" + cataloguesText() + Files.readString(example));
    OWLReasoner r = reasoner(o);
    try {
      assertTrue(r.isConsistent(), "the example study graph contradicts the ontology");
      // Domains and ranges infer what the converter does not state.
      OWLNamedIndividual response =
          df.getOWLNamedIndividual(
              IRI.create(
                  "https://w3id.org/cmograph/id/example-2024/cmoc/trust/mechanism/response"));
      assertTrue(r.getTypes(response, false).containsEntity(cmo("MechanismResponse")));
      OWLNamedIndividual extraction =
          df.getOWLNamedIndividual(
              IRI.create("https://w3id.org/cmograph/id/example-2024/extraction"));
      assertTrue(
          r.getTypes(extraction, false)
              .containsEntity(df.getOWLClass(IRI.create("http://www.w3.org/ns/prov#Activity"))));
    } finally {
      r.dispose();
    }
  }

  /** Each addition breaks one axiom; if the reasoner still says "consistent", the axiom is dead. */
  @Test
  void contradictionsAreDetected() throws OWLOntologyCreationException, IOException {
    String prefixes =
        "@prefix cmo: <"
            + CMO
            + "> . @prefix mech: <"
            + MECH
            + "> . @prefix x: <urn:x:> .\n"
            + "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n";
    List<String> contradictions =
        List.of(
            // disjoint CMO parts
            "x:a a cmo:Context , cmo:Outcome .",
            // a stance that is a speaker (range + disjoint controlled-value classes)
            "x:e a cmo:EvidenceItem ; cmo:stance cmo:speaker-participant .",
            // a catalogue concept used as a controlled value
            "x:e a cmo:EvidenceItem ; cmo:stance mech:trusting-relationship .",
            // two different stances on one evidence item (functional + all different)
            "x:e cmo:stance cmo:stance-supports , cmo:stance-refutes .",
            // a closed enumeration cannot grow
            "x:s a cmo:Stance ; owl:differentFrom cmo:stance-supports , cmo:stance-refutes ,"
                + " cmo:stance-refines .",
            // an extraction is an activity, never an entity
            "x:a a cmo:Extraction , cmo:SourceText .",
            // a context's role belongs to its link with one configuration, not to the context
            "x:c a cmo:Context ; cmo:contextRole cmo:context-role-enabling .",
            // an actor type is not a perspective
            "x:a a cmo:Actor ; cmo:actorType cmo:perspective-service-user .",
            // an evidence kind is not a stance
            "x:e a cmo:EvidenceItem ; cmo:evidenceKind cmo:stance-supports .",
            // one configuration kind per configuration
            "x:k cmo:configurationKind cmo:cmoc-kind-configuration , cmo:cmoc-kind-outcome-pattern .",
            // the catalogues are not mixed: a mechanism concept is no context concept
            "x:c a cmo:Context ; cmo:contextConcept mech:trusting-relationship .");
    String base = Files.readString(ONTOLOGY) + "\n" + cataloguesText();
    for (String contradiction : contradictions) {
      OWLOntologyManager m = OWLManager.createOWLOntologyManager();
      OWLOntology o = load(m, base + "\n" + prefixes + contradiction);
      OWLReasoner r = reasoner(o);
      try {
        assertFalse(r.isConsistent(), "not detected as inconsistent: " + contradiction);
      } finally {
        r.dispose();
      }
    }
  }

  static OWLClass cmo(String localName) {
    return df.getOWLClass(IRI.create(CMO + localName));
  }
}
