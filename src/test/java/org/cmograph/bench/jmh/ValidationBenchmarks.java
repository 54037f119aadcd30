package org.cmograph.bench.jmh;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cmograph.extraction.Extraction;
import org.cmograph.extraction.ExtractionValidator;
import org.cmograph.extraction.Problem;
import org.cmograph.extraction.SourceLibrary;
import org.cmograph.generate.SyntheticStudies;
import org.cmograph.rdf.Entailment;
import org.cmograph.rdf.ReferenceData;
import org.cmograph.rdf.StudyGraphBuilder;
import org.cmograph.rdf.StudyPipeline;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One generated study through each stage of the check: extraction checks (YAML, schema, semantic
 * checks, verbatim quotes), conversion, SHACL shapes, entailment, and all of them together. Data:
 * {@code -Dcmograph.bench.data=DIR} (a {@code cmograph generate} output), set by the harness.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ValidationBenchmarks {
  Path file;
  StudyPipeline pipeline;
  ExtractionValidator validator;
  Extraction extraction;
  StudyGraphBuilder.StudyGraph graph;
  Entailment entailment;

  @Setup
  public void setup() {
    Path home = Path.of(System.getProperty("cmograph.home", "."));
    Path data = Path.of(System.getProperty("cmograph.bench.data"));
    file = data.resolve("studies").resolve(SyntheticStudies.studyId(7) + ".yaml");
    ReferenceData reference = ReferenceData.load(home.resolve("ontology"));
    pipeline = new StudyPipeline(reference, null, home);
    validator = new ExtractionValidator(reference.concepts(), new SourceLibrary(null));
    extraction = validator.validateFile(file, new ArrayList<>()).orElseThrow();
    graph = pipeline.convert(extraction);
    entailment = new Entailment(reference.ontology(), reference.catalogue());
  }

  @Benchmark
  public Object extractionChecks() {
    List<Problem> problems = new ArrayList<>();
    return validator.validateFile(file, problems);
  }

  @Benchmark
  public Object convert() {
    return pipeline.convert(extraction);
  }

  @Benchmark
  public Object shacl() {
    return pipeline.conform(extraction, graph);
  }

  @Benchmark
  public Object entailment() {
    return entailment.infer(graph.graph());
  }

  @Benchmark
  public Object wholeCheckOfOneFile() {
    return pipeline.check(file);
  }
}
