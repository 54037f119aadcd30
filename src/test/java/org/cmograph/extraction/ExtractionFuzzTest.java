package org.cmograph.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.cmograph.rdf.ReferenceData;
import org.cmograph.rdf.StudyGraphBuilder;
import org.cmograph.rdf.StudyPipeline;
import org.cmograph.testing.HostileInputs;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the way in: bytes are written as an extraction file and go through the whole check
 * (reader, schema, semantic checks, conversion, SHACL). Whatever the bytes, no exception escapes,
 * every problem has a place (line and column from 1) and a one-line message, and what validates
 * converts to RDF that conforms to the shapes and survives N-Triples both ways.
 *
 * <p>In a normal build Jazzer runs in regression mode: the seeds and every past finding under
 * {@code src/test/resources/org/cmograph/extraction/ExtractionFuzzTestInputs/} are replayed. A
 * coverage-guided run is started with {@code JAZZER_FUZZ=1} (docs/reliability.md); what it finds is
 * written there and replayed from then on. {@link #seededMutationsOfTheCorpus} adds a few seconds
 * of deterministic mutations to every build.
 */
class ExtractionFuzzTest {
  static final Path WORK;
  static final StudyPipeline PIPELINE;

  static {
    try {
      WORK = Files.createTempDirectory("cmograph-fuzz");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PIPELINE =
        new StudyPipeline(
            ReferenceData.load(Repo.root().resolve("ontology")),
            HostileInputs.sources(),
            Repo.root());
  }

  /** One input through the whole check; fails the test on any broken promise. */
  static void check(byte[] bytes, String extension) {
    Path file = WORK.resolve("minimal." + extension);
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StudyPipeline.Result result = PIPELINE.validate(List.of(file));
    for (Problem p : result.problems()) {
      assertNotNull(p.file(), p.format());
      assertTrue(p.line() >= 1 && p.column() >= 1, "unplaced problem: " + p.format());
      assertTrue(p.code().matches("[A-Z0-9]+(-[A-Z0-9]+)*"), "bad code: " + p.format());
      assertFalse(
          p.message().isBlank() || p.message().contains("\n"), "bad message: " + p.format());
    }
    assertEquals(result.hasErrors(), result.valid().isEmpty(), "valid exactly when error-free");
    for (Extraction x : result.valid()) {
      StudyGraphBuilder.StudyGraph sg = PIPELINE.convert(x);
      assertTrue(
          PIPELINE.conform(x, sg).stream().noneMatch(Problem::isError),
          "a valid study must conform to the shapes");
      assertTrue(sg.graph().isIsomorphicWith(throughNTriples(sg.graph())), "N-Triples round trip");
    }
  }

  static Graph throughNTriples(Graph graph) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RDFDataMgr.write(out, graph, Lang.NTRIPLES);
    Graph back = GraphFactory.createGraphMem();
    RDFParser.source(new ByteArrayInputStream(out.toByteArray())).lang(Lang.NTRIPLES).parse(back);
    return back;
  }

  @FuzzTest(maxDuration = "5m")
  void extractionFilesNeverBreakTheCheck(byte[] input) {
    // The first byte picks the reader, so both YAML and JSON are fuzzed from one corpus.
    if (input.length == 0) {
      check(input, "yaml");
      return;
    }
    byte[] rest = java.util.Arrays.copyOfRange(input, 1, input.length);
    check(rest, (input[0] & 1) == 0 ? "yaml" : "json");
  }

  /** The committed corpus and the valid example, each one mutated many times. */
  @Test
  void seededMutationsOfTheCorpus() throws IOException {
    List<byte[]> seeds = new ArrayList<>();
    seeds.add(HostileInputs.minimal("minimal").getBytes(StandardCharsets.UTF_8));
    try (Stream<Path> files = Files.list(Repo.testResources().resolve("extraction/invalid"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        seeds.add(Files.readAllBytes(f));
      }
    }
    Random random = new Random(20261122);
    int mutants = Integer.getInteger("cmograph.fuzz.mutants", 600);
    for (int i = 0; i < mutants; i++) {
      byte[] seed = seeds.get(i % 4 == 0 ? 0 : random.nextInt(seeds.size()));
      byte[] mutant = Mutations.mutate(seed, random, 1 + random.nextInt(4));
      try {
        check(mutant, random.nextInt(8) == 0 ? "json" : "yaml");
      } catch (AssertionError | RuntimeException e) {
        Path kept = Files.write(WORK.resolve("failing-mutant-" + i + ".yaml"), mutant);
        throw new AssertionError("mutant " + i + " (kept at " + kept + "): " + e, e);
      }
    }
  }
}
