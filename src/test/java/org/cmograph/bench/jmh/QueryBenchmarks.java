package org.cmograph.bench.jmh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.jena.query.Query;
import org.cmograph.generate.SyntheticStudies;
import org.cmograph.query.QueryCatalogue;
import org.cmograph.query.QueryRunner;
import org.cmograph.store.CmoStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Selective catalogue queries on the harness's 1,000-study store ({@code -Dcmograph.bench.store}):
 * one study's CMO table, and the evidence for the catalogue's second most popular mechanism of that
 * data set is not known here, so a fixed concept is used.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class QueryBenchmarks {
  CmoStore store;
  QueryRunner runner;
  Query studyTable;
  Query evidence;

  @Setup
  public void setup() {
    Path home = Path.of(System.getProperty("cmograph.home", "."));
    store = CmoStore.open(Path.of(System.getProperty("cmograph.bench.store")));
    QueryCatalogue catalogue = QueryCatalogue.load(home.resolve("queries"));
    runner = new QueryRunner(Duration.ofMinutes(1));
    studyTable =
        catalogue.require("study-cmo-table").bind(Map.of("study", SyntheticStudies.studyId(7)));
    evidence =
        catalogue
            .require("evidence-for-mechanism")
            .bind(
                Map.of(
                    "mechanism",
                    System.getProperty("cmograph.bench.mechanism", "trusting-relationship")));
  }

  @TearDown
  public void close() {
    store.close();
  }

  @Benchmark
  public Object studyCmoTable() {
    return runner.run(studyTable, store.dataset());
  }

  @Benchmark
  public Object evidenceForMechanism() {
    return runner.run(evidence, store.dataset());
  }
}
