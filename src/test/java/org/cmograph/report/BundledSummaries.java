package org.cmograph.report;

import java.util.ArrayList;
import java.util.List;
import org.cmograph.extraction.Extraction;
import org.cmograph.rdf.ReferenceData;
import org.cmograph.rdf.SelectionPipeline;
import org.cmograph.rdf.StudyPipeline;
import org.cmograph.rdf.TheoryPipeline;
import org.cmograph.store.CmoStore;
import org.cmograph.testing.Repo;

/**
 * The bundled studies and programme theory loaded into an in-memory store, and their summaries,
 * once per test JVM (validation is the slow part).
 */
final class BundledSummaries {
  private static StudyPipeline pipeline;
  private static List<Extraction> studies;
  private static TheoryPipeline.Result theory;
  private static SelectionPipeline.Result selection;
  private static Summaries summaries;

  private BundledSummaries() {}

  static synchronized void validate() {
    if (pipeline != null) {
      return;
    }
    pipeline =
        new StudyPipeline(ReferenceData.load(Repo.root().resolve("ontology")), null, Repo.root());
    List<java.nio.file.Path> paths =
        List.of(
            Repo.data().resolve("studies"),
            Repo.data().resolve("programme-theory.yaml"),
            Repo.data().resolve("selection.yaml"));
    StudyPipeline.Result result = pipeline.validate(paths);
    if (result.hasErrors()) {
      throw new IllegalStateException("the bundled studies do not validate: " + result.problems());
    }
    studies = result.valid();
    theory =
        new TheoryPipeline(pipeline.reference(), Repo.root().resolve("ontology"))
            .validate(paths, studies);
    if (theory.hasErrors() || theory.graph().isEmpty()) {
      throw new IllegalStateException("the bundled theory does not validate: " + theory.problems());
    }
    selection =
        new SelectionPipeline(Repo.root().resolve("ontology"), null).validate(paths, studies);
    if (!selection.problems().isEmpty() || selection.graph().isEmpty()) {
      throw new IllegalStateException(
          "the bundled selection log does not validate: " + selection.problems());
    }
  }

  /** A new in-memory store with the bundled data; {@code reversed} loads the studies backwards. */
  static CmoStore store(boolean reversed) {
    validate();
    List<Extraction> order = new ArrayList<>(studies);
    if (reversed) {
      java.util.Collections.reverse(order);
    }
    CmoStore store = CmoStore.inMemory();
    ReferenceData ref = pipeline.reference();
    var g = theory.graph().orElseThrow();
    var s = selection.graph().orElseThrow();
    store.replace(
        ref.ontology(),
        ref.catalogue(),
        java.util.Map.of(g.graphName(), g.graph(), s.graphName(), s.graph()),
        order,
        pipeline::convert);
    return store;
  }

  /** The summaries of the bundled data (read once). */
  static synchronized Summaries get() {
    if (summaries == null) {
      try (CmoStore store = store(false)) {
        summaries = Summaries.read(store);
      }
    }
    return summaries;
  }
}
