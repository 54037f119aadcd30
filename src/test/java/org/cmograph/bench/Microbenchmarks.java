package org.cmograph.bench;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks of {@code org.cmograph.bench.jmh} and adds their scores to the report.
 */
final class Microbenchmarks {
  private Microbenchmarks() {}

  static void run(BenchmarkHarness harness, Path work, BenchmarkHarness.Results results)
      throws Exception {
    Path data = harness.generate(1000);
    Options opts =
        new OptionsBuilder()
            .include("org\\.cmograph\\.bench\\.jmh\\..*")
            .forks(1)
            .warmupIterations(3)
            .warmupTime(TimeValue.seconds(2))
            .measurementIterations(5)
            .measurementTime(TimeValue.seconds(2))
            .jvmArgsAppend(
                "-Xmx1g",
                "-Dcmograph.home=" + System.getProperty("cmograph.home", "."),
                "-Dcmograph.bench.data=" + data,
                "-Dcmograph.bench.store=" + work.resolve("store-1000"))
            .build();
    Collection<RunResult> runs = new Runner(opts).run();
    for (RunResult rr : runs) {
      var primary = rr.getPrimaryResult();
      String name = rr.getParams().getBenchmark().replace("org.cmograph.bench.jmh.", "");
      results.jmh.add(
          new String[] {
            name,
            String.format(Locale.ROOT, "%.3f", primary.getScore()),
            String.format(Locale.ROOT, "%.3f", primary.getScoreError()),
            primary.getScoreUnit()
          });
    }
  }
}
