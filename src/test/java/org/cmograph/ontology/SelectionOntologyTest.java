package org.cmograph.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.cmograph.rdf.SelectionVocab;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The search and selection terms: every term SelectionVocab names is declared in the ontology, and
 * the identification methods of schema/selection.schema.json are exactly the individuals of
 * cmo:IdentificationMethod (OntologyTermsTest does the same for Vocab and the extraction schema).
 */
class SelectionOntologyTest {
  static final String CMO = "https://w3id.org/cmograph/ontology#";
  static final Path HOME = Path.of(System.getProperty("cmograph.home", "."));
  static Model ontology;

  @BeforeAll
  static void load() {
    ontology = RDFDataMgr.loadModel(HOME.resolve("ontology/cmograph.ttl").toString());
  }

  @Test
  void everyTermTheSelectionConverterNamesIsDeclared() throws IllegalAccessException {
    Set<String> missing = new TreeSet<>();
    int seen = 0;
    for (Field f : SelectionVocab.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == Node.class) {
        Node n = (Node) f.get(null);
        if (n.getURI().startsWith(CMO) || n.getURI().startsWith("http://www.w3.org/ns/prov#")) {
          seen++;
          if (!ontology.createResource(n.getURI()).hasProperty(RDF.type)) {
            missing.add(f.getName());
          }
        }
      }
    }
    assertTrue(seen > 20, "terms seen: " + seen);
    assertEquals(Set.of(), missing);
  }

  @Test
  void identificationMethodsMatchTheSchema() throws IOException {
    JsonNode schema =
        new ObjectMapper().readTree(HOME.resolve("schema/selection.schema.json").toFile());
    Set<String> values = new TreeSet<>();
    schema.at("/$defs/identification/properties/method/enum").forEach(v -> values.add(v.asText()));
    assertEquals(7, values.size());
    Resource cls = ontology.createResource(CMO + "IdentificationMethod");
    Set<String> individuals = new TreeSet<>();
    ontology
        .listSubjectsWithProperty(RDF.type, cls)
        .forEachRemaining(r -> individuals.add(r.getProperty(SKOS.notation).getString()));
    assertEquals(values, individuals);
    for (String v : values) {
      Resource ind = ontology.createResource(CMO + "identification-method-" + v);
      assertTrue(
          ind.hasProperty(
              SKOS.inScheme, ontology.createResource(CMO + "IdentificationMethodScheme")),
          v);
      assertTrue(ind.hasProperty(RDF.type, OWL2.NamedIndividual), v);
    }
  }
}
