package org.cmograph.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cmograph.extraction.Problem;
import org.cmograph.rdf.ReferenceData;
import org.cmograph.rdf.SelectionPipeline;
import org.cmograph.rdf.StudyPipeline;
import org.cmograph.rdf.TheoryPipeline;
import org.cmograph.store.CmoStore;
import org.cmograph.store.LoadReport;
import org.cmograph.store.LoadService;

/**
 * What several commands share about the studies: the pipelines, printing problems, the default
 * targets, and opening the store, filled from data/ on first use ({@link LoadService}: nothing is
 * written unless every file passes).
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

  /** The programme-theory check that goes with {@code pipeline}'s studies. */
  static TheoryPipeline theoryPipeline(StudyPipeline pipeline) {
    return new TheoryPipeline(pipeline.reference(), Workspace.current().ontologyDir());
  }

  /** The search and selection check that goes with the studies ({@code sources}: --sources). */
  static SelectionPipeline selectionPipeline(Path sources) {
    return new SelectionPipeline(Workspace.current().ontologyDir(), sources);
  }

  /**
   * What a load with no paths reads: data/studies and, when present, data/programme-theory.yaml and
   * data/selection.yaml.
   */
  static List<Path> defaultTargets(Workspace ws) {
    List<Path> out = new java.util.ArrayList<>(List.of(ws.studiesDir()));
    for (String name : List.of("programme-theory.yaml", "selection.yaml")) {
      Path file = ws.dataDir().resolve(name);
      if (Files.isRegularFile(file)) {
        out.add(file);
      }
    }
    return List.copyOf(out);
  }

  /** Opens the store the options name; fills the default store from data/ on first use. */
  static CmoStore open(Workspace ws, StoreOptions options, PrintWriter err) {
    return open(ws, options, options.isDefault(), err);
  }

  /** As {@link #open(Workspace, StoreOptions, PrintWriter)}, filling an empty store if asked. */
  static CmoStore open(Workspace ws, StoreOptions options, boolean fillIfEmpty, PrintWriter err) {
    CmoStore store = CmoStore.open(options.resolve(ws));
    if (fillIfEmpty && store.studyIds().isEmpty()) {
      err.println(
          "first use: loading the bundled studies from " + Workspace.shown(ws.studiesDir()));
      StudyPipeline pipeline = pipeline(ws, null);
      LoadReport report =
          new LoadService(pipeline, theoryPipeline(pipeline), selectionPipeline(null))
              .into(store, defaultTargets(ws));
      if (!report.loaded()) {
        printProblems(report.problems(), err);
        err.printf(
            "load refused: %d error(s) in %d file(s); the store was not changed%n",
            report.errors(), report.filesRead());
        store.close();
        throw new CliException(
            ErrorCode.DATA_INVALID, "the bundled data does not validate; see above");
      }
    }
    return store;
  }
}
