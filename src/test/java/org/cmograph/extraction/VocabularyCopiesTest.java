package org.cmograph.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.Test;

/**
 * Each controlled vocabulary of the extraction format is defined once, in the JSON Schema's enums
 * (OntologyTermsTest holds the ontology's individuals to them, OntologyShapesTest the SHACL {@code
 * sh:in} lists). This test holds the other copies to the same values: the words the validator and
 * converter know in Java, and the reference table in docs/extraction-guide.md, which it prints
 * whole when a row drifts, ready to paste.
 */
class VocabularyCopiesTest {
  /** The vocabularies researchers write, by name, with the schema enum that defines each. */
  static final Map<String, String> SCHEMA_ENUMS = new LinkedHashMap<>();

  static {
    SCHEMA_ENUMS.put("cmocs: kind", "/$defs/cmoc/properties/kind/enum");
    SCHEMA_ENUMS.put("contexts: type", "/properties/contexts/items/properties/type/enum");
    SCHEMA_ENUMS.put(
        "cmocs: contexts: role", "/$defs/cmoc/properties/contexts/items/properties/role/enum");
    SCHEMA_ENUMS.put(
        "mechanism: not_reported",
        "/$defs/cmoc/properties/mechanism/properties/not_reported/items/enum");
    SCHEMA_ENUMS.put("outcomes: direction", "/properties/outcomes/items/properties/direction/enum");
    SCHEMA_ENUMS.put("outcomes: level", "/properties/outcomes/items/properties/level/enum");
    SCHEMA_ENUMS.put("actors: type", "/$defs/actor-type/enum");
    SCHEMA_ENUMS.put("evidence: kind", "/$defs/evidence/properties/kind/enum");
    SCHEMA_ENUMS.put("evidence: speaker", "/$defs/evidence/properties/speaker/enum");
    SCHEMA_ENUMS.put("evidence: perspective", "/$defs/evidence/properties/perspective/enum");
    SCHEMA_ENUMS.put("evidence: stance", "/$defs/evidence/properties/stance/enum");
    SCHEMA_ENUMS.put("evidence: strength", "/$defs/evidence/properties/strength/enum");
    SCHEMA_ENUMS.put(
        "theory_links: stance", "/$defs/cmoc/properties/theory_links/items/properties/stance/enum");
    SCHEMA_ENUMS.put(
        "study: related: relation",
        "/properties/study/properties/related/items/properties/relation/enum");
    SCHEMA_ENUMS.put(
        "study: appraisal", "/properties/study/properties/appraisal/properties/limitations/enum");
  }

  static List<String> values(String pointer) {
    JsonNode e = SchemaCheck.extraction().schemaNode().at(pointer);
    assertTrue(e.isArray() && !e.isEmpty(), "no enum at " + pointer);
    List<String> out = new ArrayList<>();
    e.forEach(v -> out.add(v.asText()));
    return out;
  }

  /** The docs' rows, made from the schema: what the guide must say. */
  static List<String> expectedRows() {
    List<String> rows = new ArrayList<>();
    SCHEMA_ENUMS.forEach(
        (field, pointer) -> {
          List<String> quoted = values(pointer).stream().map(v -> "`" + v + "`").toList();
          rows.add("| `" + field + "` | " + String.join(", ", quoted) + " |");
        });
    List<String> about = new ArrayList<>(Extraction.EvidenceItem.ABOUT_LINKS);
    about.addAll(Extraction.EvidenceItem.ABOUT_MECHANISM_PARTS);
    rows.add(
        "| `evidence: about` | "
            + String.join(", ", about.stream().map(v -> "`" + v + "`").toList())
            + ", or a context or outcome id |");
    return rows;
  }

  @Test
  void theGuidesTableOfControlledValuesIsTheSchemas() throws IOException {
    String guide =
        Files.readString(Repo.root().resolve("docs/extraction-guide.md"), StandardCharsets.UTF_8);
    List<String> expected = expectedRows();
    List<String> missing = expected.stream().filter(row -> !guide.contains(row + "\n")).toList();
    assertEquals(
        List.of(),
        missing,
        "docs/extraction-guide.md's controlled values drifted from the schema; the table should"
            + " read:\n| field | values |\n|---|---|\n"
            + String.join("\n", expected));
  }

  @Test
  void theValidatorsWordsForAboutAreTheOntologysCausalLinksAndMechanismParts() {
    Model ontology = RDFDataMgr.loadModel(Repo.root().resolve("ontology/cmograph.ttl").toString());
    TreeSet<String> links = new TreeSet<>();
    ontology
        .listSubjectsWithProperty(
            RDF.type, ontology.createResource("https://w3id.org/cmograph/ontology#CausalLink"))
        .forEachRemaining(r -> links.add(r.getProperty(SKOS.notation).getString()));
    assertEquals(links, new TreeSet<>(Extraction.EvidenceItem.ABOUT_LINKS));

    TreeSet<String> parts = new TreeSet<>(Extraction.EvidenceItem.ABOUT_MECHANISM_PARTS);
    parts.remove("mechanism"); // the whole mechanism, not one of its parts
    assertEquals(
        new TreeSet<>(
            values("/$defs/cmoc/properties/mechanism/properties/not_reported/items/enum")),
        parts);
  }
}
