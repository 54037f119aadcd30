package org.cmograph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.cmograph.extraction.Problem;
import org.cmograph.rdf.ReferenceData;
import org.cmograph.rdf.StudyPipeline;
import org.cmograph.store.CmoStore;

/**
 * The validate-then-load sequence several commands share (load, serve's first use, the default
 * store): nothing is written unless every file passes.
 */
final class Studies {
  private Studies() {}

  static StudyPipeline pipeline(Workspace ws, Path sources) {
    return new StudyPipeline(ReferenceData.load(ws.ontologyDir()), sources, ws.home());
  }

  static void printProblems(List<Problem> problems, PrintWriter out) {
    for (Problem p : problems) {
      out.println(
          new Problem(
                  p.file() == null ? null : Workspace.shown(p.file()),
                  p.line(),
                  p.column(),
                  p.severity(),
                  p.code(),
                  p.message())
              .format());
    }
  }

  /** Validates and loads; returns the stats, or null (having printed why) if invalid. */
  static CmoStore.LoadStats validateAndLoad(
      StudyPipeline pipeline, List<Path> paths, CmoStore store, PrintWriter err) {
    StudyPipeline.Result result = pipeline.validate(paths);
    if (result.hasErrors()) {
      printProblems(result.problems(), err);
      err.printf(
          "load refused: %d error(s) in %d file(s); the store was not changed%n",
          result.errorCount(), result.filesRead());
      return null;
    }
    ReferenceData ref = pipeline.reference();
    return store.replace(ref.ontology(), ref.catalogue(), result.valid(), pipeline::convert);
  }

  /** Opens the store the options name; fills the default store from data/ on first use. */
  static CmoStore open(Workspace ws, StoreOptions options, PrintWriter err) {
    CmoStore store = CmoStore.open(options.resolve(ws));
    if (options.isDefault() && store.studyIds().isEmpty()) {
      err.println("first use: loading the bundled studies from " + Workspace.shown(ws.studiesDir()));
      CmoStore.LoadStats stats =
          validateAndLoad(pipeline(ws, null), List.of(ws.studiesDir()), store, err);
      if (stats == null) {
        store.close();
        throw new CliException("the bundled data does not validate; see above", 1);
      }
    }
    return store;
  }
}
