package org.cmograph.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.cmograph.rdf.Vocab;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the ontology file against its own conventions (labels, definitions, domains, ranges,
 * version IRI), against docs/model.md and the converter's {@code Vocab} (every term they name is
 * declared) and against schema/extraction.schema.json (every enum value has its controlled-value
 * individual, and no individual lacks its enum value).
 */
class OntologyTermsTest {

  static final String CMO = "https://w3id.org/cmograph/ontology#";
  static final Path HOME = Path.of(System.getProperty("cmograph.home", "."));

  static Model ontology;

  @BeforeAll
  static void load() {
    ontology = RDFDataMgr.loadModel(HOME.resolve("ontology/cmograph.ttl").toString());
  }

  static Resource cmo(String localName) {
    return ontology.createResource(CMO + localName);
  }

  /** The cmo: subjects typed with one of the given types. */
  static Set<Resource> cmoSubjectsOfType(Resource... types) {
    return Stream.of(types)
        .flatMap(t -> ontology.listSubjectsWithProperty(RDF.type, t).toList().stream())
        .filter(r -> r.isURIResource() && r.getURI().startsWith(CMO))
        .collect(Collectors.toSet());
  }

  static Set<Resource> cmoProperties() {
    return cmoSubjectsOfType(OWL2.ObjectProperty, OWL2.DatatypeProperty, OWL2.AnnotationProperty);
  }

  static Set<Resource> declared() {
    return ontology.listStatements(null, RDF.type, (RDFNode) null).toList().stream()
        .map(Statement::getSubject)
        .filter(Resource::isURIResource)
        .collect(Collectors.toSet());
  }

  @Test
  void hasOntologyIriVersionIriAndVersionInfo() {
    Resource o = ontology.createResource("https://w3id.org/cmograph/ontology");
    assertTrue(o.hasProperty(RDF.type, OWL2.Ontology));
    assertEquals(
        "https://w3id.org/cmograph/ontology/0.3.0",
        o.getPropertyResourceValue(OWL2.versionIRI).getURI());
    assertEquals("0.3.0", o.getProperty(OWL2.versionInfo).getString());
    for (String p : List.of("title", "description", "created", "license")) {
      assertTrue(
          o.hasProperty(ontology.createProperty("http://purl.org/dc/terms/", p)),
          "the ontology has no dcterms:" + p);
    }
  }

  @Test
  void everyCmoTermHasOneEnglishLabelAndDefinition() {
    Set<Resource> terms =
        cmoSubjectsOfType(
            OWL2.Class,
            OWL2.ObjectProperty,
            OWL2.DatatypeProperty,
            OWL2.AnnotationProperty,
            OWL2.NamedIndividual,
            SKOS.ConceptScheme);
    assertTrue(terms.size() > 100, "too few terms found: " + terms.size());
    List<String> problems = new ArrayList<>();
    for (Resource t : terms) {
      for (Property p : List.of(RDFS.label, SKOS.definition)) {
        List<Literal> values =
            t.listProperties(p).mapWith(Statement::getLiteral).toList().stream()
                .filter(l -> l.getLanguage().equals("en") && !l.getString().isBlank())
                .toList();
        if (values.size() != 1) {
          problems.add(t.getLocalName() + " has " + values.size() + " English " + p.getLocalName());
        }
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void everyCmoPropertyHasDomainAndRange() {
    Set<Resource> properties = cmoProperties();
    assertTrue(properties.size() > 50, "too few properties found: " + properties.size());
    List<String> problems = new ArrayList<>();
    for (Resource p : properties) {
      if (!p.hasProperty(RDFS.domain)) problems.add(p.getLocalName() + " has no rdfs:domain");
      if (!p.hasProperty(RDFS.range)) problems.add(p.getLocalName() + " has no rdfs:range");
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  /** A misspelt IRI (cmo:stance-suports) would otherwise pass as a new, silent term. */
  @Test
  void everyCmoIriUsedInTheOntologyIsDeclared() {
    Set<Resource> declared = declared();
    Set<String> undeclared = new TreeSet<>();
    ontology
        .listStatements()
        .forEach(
            s -> {
              for (RDFNode n : List.of(s.getSubject(), s.getPredicate(), s.getObject())) {
                if (n.isURIResource()
                    && n.asResource().getURI().startsWith(CMO)
                    && !declared.contains(n.asResource())) {
                  undeclared.add(n.asResource().getURI());
                }
              }
            });
    assertTrue(undeclared.isEmpty(), "used but not declared: " + undeclared);
  }

  /** docs/model.md is the spec the converter follows; everything it names must exist here. */
  @Test
  void everyTermInTheModelDocIsDeclared() throws IOException {
    String doc = Files.readString(HOME.resolve("docs/model.md"));
    // model.md names these only to say why they are not used.
    Set<String> notUsed = Set.of("prov:endedAtTime", "prov:Location");
    Map<String, String> prefixes =
        Map.of(
            "cmo", CMO,
            "prov", "http://www.w3.org/ns/prov#",
            "dcterms", "http://purl.org/dc/terms/",
            "bibo", "http://purl.org/ontology/bibo/",
            "skos", "http://www.w3.org/2004/02/skos/core#",
            "oa", "http://www.w3.org/ns/oa#");
    Matcher m =
        Pattern.compile("`(cmo|prov|dcterms|bibo|skos|oa):([A-Za-z][A-Za-z0-9-]*)`").matcher(doc);
    Set<Resource> declared = declared();
    Set<String> found = new TreeSet<>();
    Set<String> missing = new TreeSet<>();
    while (m.find()) {
      String curie = m.group(1) + ":" + m.group(2);
      if (notUsed.contains(curie)) continue;
      found.add(curie);
      if (!declared.contains(ontology.createResource(prefixes.get(m.group(1)) + m.group(2)))) {
        missing.add(curie);
      }
    }
    assertTrue(found.size() > 60, "too few terms found in docs/model.md: " + found);
    assertTrue(missing.isEmpty(), "named in docs/model.md but not declared: " + missing);
  }

  /** The converter's constants (org.cmograph.rdf.Vocab) may name only terms declared here. */
  @Test
  void everyTermTheConverterNamesIsDeclared() throws IllegalAccessException {
    List<String> checked =
        List.of(
            CMO,
            "http://www.w3.org/ns/prov#",
            "http://purl.org/dc/terms/",
            "http://purl.org/ontology/bibo/",
            "http://www.w3.org/2004/02/skos/core#",
            "http://www.w3.org/ns/oa#");
    Set<Resource> declared = declared();
    Set<String> seen = new TreeSet<>();
    Set<String> missing = new TreeSet<>();
    for (Field f : Vocab.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == Node.class) {
        Node n = (Node) f.get(null);
        if (n.isURI() && checked.stream().anyMatch(ns -> n.getURI().startsWith(ns))) {
          seen.add(n.getURI());
          if (!declared.contains(ontology.createResource(n.getURI()))) {
            missing.add(f.getName() + " = " + n.getURI());
          }
        }
      }
    }
    assertTrue(seen.size() > 50, "too few terms found in Vocab: " + seen);
    assertTrue(missing.isEmpty(), "Vocab names terms the ontology does not declare: " + missing);
  }

  /**
   * scheme (the IRI prefix of the values), class, and the JSON pointers of the schema enums it
   * mirrors; extra values are not in the schema (author-interpretation is set by the converter,
   * confidence levels by a programme-theory author).
   */
  static Stream<Arguments> controlledVocabularies() {
    return Stream.of(
        Arguments.of(
            "stance",
            "Stance",
            List.of(
                "/$defs/evidence/properties/stance/enum",
                "/$defs/cmoc/properties/theory_links/items/properties/stance/enum"),
            List.of()),
        Arguments.of(
            "speaker", "Speaker", List.of("/$defs/evidence/properties/speaker/enum"), List.of()),
        Arguments.of(
            "perspective",
            "Perspective",
            List.of("/$defs/evidence/properties/perspective/enum"),
            List.of("author-interpretation")),
        Arguments.of(
            "direction",
            "OutcomeDirection",
            List.of("/properties/outcomes/items/properties/direction/enum"),
            List.of()),
        Arguments.of(
            "level",
            "OutcomeLevel",
            List.of("/properties/outcomes/items/properties/level/enum"),
            List.of()),
        Arguments.of(
            "context-type",
            "ContextType",
            List.of("/properties/contexts/items/properties/type/enum"),
            List.of()),
        Arguments.of(
            "context-role",
            "ContextRole",
            List.of("/$defs/cmoc/properties/contexts/items/properties/role/enum"),
            List.of()),
        Arguments.of(
            "strength",
            "EvidenceStrength",
            List.of("/$defs/evidence/properties/strength/enum"),
            List.of()),
        Arguments.of(
            "concern",
            "ConcernLevel",
            List.of(
                "/properties/study/properties/appraisal/properties/limitations/enum",
                "/properties/study/properties/appraisal/properties/relevance/enum"),
            List.of()),
        Arguments.of("actor-type", "ActorType", List.of("/$defs/actor-type/enum"), List.of()),
        Arguments.of(
            "cmoc-kind",
            "ConfigurationKind",
            List.of("/$defs/cmoc/properties/kind/enum"),
            List.of()),
        Arguments.of(
            "evidence-kind",
            "EvidenceKind",
            List.of("/$defs/evidence/properties/kind/enum"),
            List.of()),
        Arguments.of(
            "mechanism-part",
            "MechanismPart",
            List.of("/$defs/cmoc/properties/mechanism/properties/not_reported/items/enum"),
            List.of()),
        // 'about' mixes these with ids and part names, so the schema has no enum of them alone
        Arguments.of(
            "causal-link",
            "CausalLink",
            List.of(),
            List.of("context-mechanism", "mechanism-outcome", "context-outcome")),
        Arguments.of(
            "confidence",
            "ConfidenceLevel",
            List.of(),
            List.of("high", "moderate", "low", "very-low")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controlledVocabularies")
  void controlledValuesMatchTheSchemaEnums(
      String scheme, String className, List<String> pointers, List<String> extra)
      throws IOException {
    JsonNode schema =
        new ObjectMapper().readTree(HOME.resolve("schema/extraction.schema.json").toFile());
    // The ontology is format 2; the schema of format 2 comes from branch format2.
    assumeTrue(
        schema.at("/$defs/evidence/properties/kind/enum").isArray(),
        "schema/extraction.schema.json is not the format 2 schema yet");
    Set<String> values = new TreeSet<>(extra);
    for (String pointer : pointers) {
      JsonNode e = schema.at(pointer);
      assertTrue(e.isArray() && !e.isEmpty(), "no enum at " + pointer);
      Set<String> these = new TreeSet<>();
      e.forEach(v -> these.add(v.asText()));
      // Two enums for one vocabulary (stance, concern) must agree, or one value has no individual.
      if (values.size() > extra.size()) {
        Set<String> without = new TreeSet<>(values);
        without.removeAll(extra);
        assertEquals(without, these, "the schema's enums for " + scheme + " differ");
      }
      values.addAll(these);
    }

    Resource cls = cmo(className);
    Resource conceptScheme = cmo(className + "Scheme");
    assertTrue(cls.hasProperty(RDF.type, OWL2.Class), className + " is not an owl:Class");
    assertTrue(conceptScheme.hasProperty(RDF.type, SKOS.ConceptScheme), conceptScheme + " missing");

    Set<Resource> expected = new HashSet<>();
    for (String v : values) {
      Resource ind = cmo(scheme + "-" + v);
      expected.add(ind);
      String name = "cmo:" + scheme + "-" + v;
      assertTrue(ind.hasProperty(RDF.type, cls), name + " is not a cmo:" + className);
      assertTrue(ind.hasProperty(RDF.type, SKOS.Concept), name + " is not a skos:Concept");
      assertEquals(v, ind.getProperty(SKOS.notation).getString(), name + " skos:notation");
      assertEquals(
          1, ind.listProperties(SKOS.notation).toList().size(), name + " has several notations");
      assertTrue(
          ind.hasProperty(SKOS.inScheme, conceptScheme), name + " is not in " + conceptScheme);
      assertTrue(ind.hasProperty(SKOS.prefLabel), name + " has no skos:prefLabel");
    }
    Set<Resource> individuals =
        ontology.listSubjectsWithProperty(RDF.type, cls).toList().stream()
            .collect(Collectors.toSet());
    assertEquals(
        expected, individuals, "individuals of cmo:" + className + " vs the schema's enum");
    Set<Resource> inScheme =
        ontology.listSubjectsWithProperty(SKOS.inScheme, conceptScheme).toList().stream()
            .collect(Collectors.toSet());
    assertEquals(expected, inScheme, "members of " + conceptScheme);

    // The class is the closed enumeration of exactly these individuals.
    List<Set<RDFNode>> enumerations =
        cls.listProperties(OWL2.equivalentClass).mapWith(Statement::getResource).toList().stream()
            .filter(c -> c.hasProperty(OWL2.oneOf))
            .map(
                c ->
                    Set.copyOf(
                        c.getPropertyResourceValue(OWL2.oneOf).as(RDFList.class).asJavaList()))
            .toList();
    assertEquals(
        List.of(Set.<RDFNode>copyOf(expected)), enumerations, "owl:oneOf of cmo:" + className);

    // And every value is declared different from every other controlled value.
    Set<RDFNode> distinct =
        ontology.listSubjectsWithProperty(RDF.type, OWL2.AllDifferent).toList().stream()
            .flatMap(
                a ->
                    a
                        .getPropertyResourceValue(OWL2.distinctMembers)
                        .as(RDFList.class)
                        .asJavaList()
                        .stream())
            .collect(Collectors.toSet());
    assertTrue(distinct.containsAll(expected), "owl:AllDifferent lacks some of cmo:" + className);
  }

  @Test
  void shapesParseAsShacl() {
    Model shapesModel = RDFDataMgr.loadModel(HOME.resolve("ontology/shapes.ttl").toString());
    Shapes shapes = Shapes.parse(shapesModel.getGraph());
    assertFalse(shapes.isEmpty(), "shapes.ttl has no shapes");
    assertTrue(shapes.numRootShapes() >= 12, "too few shapes: " + shapes.numRootShapes());
  }
}
