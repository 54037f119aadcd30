package org.cmograph.endpoint;

import java.util.List;
import java.util.function.Supplier;
import org.cmograph.extraction.Extraction;
import org.cmograph.query.QueryCatalogue;
import org.cmograph.rdf.ReferenceData;
import org.cmograph.rdf.StudyPipeline;
import org.cmograph.store.CmoStore;
import org.cmograph.testing.Repo;

/**
 * The bundled studies loaded into an in-memory store, once per test JVM, for the endpoint tests
 * that only read. Tests that write make their own store with {@link #fresh()}.
 */
final class BundledStore {
  private static CmoStore shared;
  private static StudyPipeline pipeline;
  private static List<Extraction> studies;

  private BundledStore() {}

  /** The shared read-only store. Never close it. */
  static synchronized CmoStore get() {
    if (shared == null) {
      shared = fresh();
    }
    return shared;
  }

  /** A new in-memory store holding the bundled data. */
  static synchronized CmoStore fresh() {
    if (pipeline == null) {
      pipeline =
          new StudyPipeline(ReferenceData.load(Repo.root().resolve("ontology")), null, Repo.root());
      StudyPipeline.Result result = pipeline.validate(List.of(Repo.data().resolve("studies")));
      if (result.hasErrors()) {
        throw new IllegalStateException("the bundled data does not validate: " + result.problems());
      }
      studies = result.valid();
    }
    CmoStore store = CmoStore.inMemory();
    ReferenceData ref = pipeline.reference();
    store.replace(ref.ontology(), ref.catalogue(), studies, pipeline::convert);
    return store;
  }

  static StudyPipeline pipeline() {
    get();
    return pipeline;
  }

  static List<Extraction> studies() {
    get();
    return studies;
  }

  /** The repository's query catalogue, as the landing page lists it. */
  static Supplier<List<CatalogueEntry>> catalogue() {
    return () -> CatalogueEntry.of(QueryCatalogue.load(Repo.root().resolve("queries")));
  }

  /** Default settings on a free loopback port. */
  static ServerSettings testSettings() {
    return ServerSettings.defaults().withPort(0);
  }
}
