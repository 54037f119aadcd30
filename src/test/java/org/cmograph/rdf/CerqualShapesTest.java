package org.cmograph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.graph.GraphFactory;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The GRADE-CERQual rules of ontology/cerqual-shapes.ttl: one judgement per component, each
 * explained, assessments of theory CMOCs only, a warning for serious concerns with high confidence;
 * and the theory's history: a change in one version, of one kind, with a rationale, naming what it
 * revises when it refines, splits or merges. Each test breaks cerqual/theory.ttl in one place.
 */
class CerqualShapesTest {
  static Shapes shapes;
  static String valid;

  @BeforeAll
  static void load() throws IOException {
    Graph all = GraphFactory.createGraphMem();
    ReferenceData.load(Repo.root().resolve("ontology")).shapes().find().forEachRemaining(all::add);
    TheoryPipeline.cerqualShapes(Repo.root().resolve("ontology")).find().forEachRemaining(all::add);
    shapes = Shapes.parse(all);
    valid = Files.readString(Repo.testResources().resolve("cerqual/theory.ttl"));
  }

  static ValidationReport validate(String turtle) {
    Graph g = GraphFactory.createGraphMem();
    RDFParser.create().fromString(turtle).lang(Lang.TURTLE).parse(g);
    return ShaclValidator.get().validate(shapes, g);
  }

  static String replace(String from, String to) {
    assertTrue(valid.contains(from), "fixture lacks: " + from);
    return valid.replace(from, to);
  }

  static List<String> violations(ValidationReport r) {
    return r.getEntries().stream()
        .filter(e -> e.severity() == Severity.Violation)
        .map(ReportEntry::message)
        .toList();
  }

  @Test
  void theFixtureConforms() {
    ValidationReport r = validate(valid);
    assertTrue(r.conforms(), r.getEntries().toString());
  }

  @Test
  void exactlyOneJudgementPerComponent() {
    ValidationReport twice =
        validate(
            replace(
                "cmo:coherence cmo:concern-none ;",
                "cmo:coherence cmo:concern-none , cmo:concern-minor ;"));
    assertEquals(
        List.of(
            "A confidence assessment needs exactly one judgement of coherence (cmo:concern-none, -minor, -moderate or -serious)."),
        violations(twice));
    ValidationReport missing = validate(replace("    cmo:relevance cmo:concern-none ;\n", ""));
    assertEquals(
        List.of(
            "A confidence assessment needs exactly one judgement of relevance (cmo:concern-none, -minor, -moderate or -serious)."),
        violations(missing));
    ValidationReport overall =
        validate(
            replace(
                "cmo:overallConfidence cmo:confidence-moderate ;",
                "cmo:overallConfidence cmo:confidence-moderate , cmo:confidence-low ;"));
    assertEquals(1, violations(overall).size(), violations(overall).toString());
  }

  @Test
  void everyComponentIsExplained() {
    ValidationReport r =
        validate(replace("    cmo:coherenceExplanation \"No finding against it.\" ;\n", ""));
    assertEquals(
        List.of(
            "A confidence assessment explains its judgement of coherence: exactly one cmo:coherenceExplanation."),
        violations(r));
  }

  @Test
  void assessmentsAttachToTheoryCmocsNeverToStudies() {
    String study =
        replace("cmo:assesses cmoid:theory\\/trust ;", "cmo:assesses cmoid:s ;")
            + "\ncmoid:s a cmo:Study .\n";
    List<String> v = violations(validate(study));
    assertTrue(
        v.contains(
            "A confidence assessment assesses exactly one theory CMOC (a review finding), never a study or a study CMOC."),
        v.toString());
    assertTrue(
        v.contains(
            "A study or study CMOC cannot carry a GRADE-CERQual assessment; assess the theory CMOC (review finding) it contributes to."),
        v.toString());
  }

  @Test
  void seriousConcernsWithHighConfidenceAreAWarningNotAViolation() {
    String turtle =
        replace("cmo:coherence cmo:concern-none ;", "cmo:coherence cmo:concern-serious ;")
            .replace("cmo:confidence-moderate", "cmo:confidence-high");
    ValidationReport r = validate(turtle);
    assertEquals(List.of(), violations(r));
    List<ReportEntry> warnings =
        r.getEntries().stream().filter(e -> e.severity() == Severity.Warning).toList();
    assertEquals(1, warnings.size(), r.getEntries().toString());
    assertTrue(
        warnings
            .get(0)
            .message()
            .startsWith("A component has serious concerns but the confidence is high"));
  }

  @Test
  void aRefinementNamesWhatItRevisesAndAnAdditionNothing() {
    ValidationReport missing =
        validate(replace("    cmo:revises cmoid:theory\\/trust-2014 ;\n", ""));
    assertEquals(
        List.of(
            "A refined, split or merged configuration names what it revises (cmo:revises); an added or dropped one revises nothing."),
        violations(missing));
    ValidationReport added =
        validate(
            replace("cmo:changeKind cmo:change-refined ;", "cmo:changeKind cmo:change-added ;"));
    assertEquals(
        List.of(
            "A refined, split or merged configuration names what it revises (cmo:revises); an added or dropped one revises nothing."),
        violations(added));
  }

  @Test
  void aChangeHasAVersionAKindAndARationale() {
    ValidationReport r =
        validate(
            replace(
                "    cmo:rationale \"The founding study's first mechanism.\" .",
                "    cmo:changeKind cmo:change-dropped ."));
    assertEquals(
        List.of(
            "A theory change needs exactly one cmo:changeKind (cmo:change-added, -refined, -split, -merged or -dropped).",
            "A theory change needs exactly one cmo:rationale: why it was made."),
        violations(r).stream().sorted().toList());
    ValidationReport noHistory =
        validate(replace("    cmo:hasChange cmoid:theory\\/trust\\/history\\/1 ;\n", ""));
    assertTrue(
        violations(noHistory)
            .contains(
                "A theory CMOC has a history: at least one cmo:TheoryChange (cmo:hasChange) saying how it entered the theory."),
        violations(noHistory).toString());
  }
}
