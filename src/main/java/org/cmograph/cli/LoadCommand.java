package org.cmograph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cmograph.store.CmoStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cmograph load [PATH...]}: validate everything, then write it all in one transaction. */
@Command(
    name = "load",
    description = "Validate, then load studies into the store in one transaction (all or nothing).")
final class LoadCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files or folders (default: data/studies)")
  List<Path> paths;

  @Option(names = "--sources", paramLabel = "DIR", description = "Folder of source texts")
  Path sources;

  @Mixin StoreOptions storeOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Workspace ws = Workspace.current();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> targets = paths == null || paths.isEmpty() ? List.of(ws.studiesDir()) : paths;
    var pipeline = Studies.pipeline(ws, sources);
    var result = pipeline.validate(targets);
    if (result.hasErrors()) {
      Studies.printProblems(result.problems(), err);
      err.printf(
          "load refused: %d error(s) in %d file(s); the store was not changed%n",
          result.errorCount(), result.filesRead());
      err.flush();
      return 1;
    }
    Studies.printProblems(result.problems(), err);
    Path dir = storeOptions.resolve(ws);
    long start = System.nanoTime();
    try (CmoStore store = CmoStore.open(dir)) {
      var ref = pipeline.reference();
      CmoStore.LoadStats stats =
          store.replace(ref.ontology(), ref.catalogue(), result.valid(), pipeline::convert);
      long ms = (System.nanoTime() - start) / 1_000_000;
      out.printf(
          "loaded %d stud%s (%d triples) into %s in %d ms; the store holds %d quads%n",
          stats.studies(),
          stats.studies() == 1 ? "y" : "ies",
          stats.studyTriples(),
          Workspace.shown(dir),
          ms,
          stats.quadsAfter());
    }
    out.flush();
    return 0;
  }
}
