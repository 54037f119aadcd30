package org.cmograph.query;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.Query;
import org.cmograph.extraction.Extraction;
import org.cmograph.rdf.ReferenceData;
import org.cmograph.rdf.StudyPipeline;
import org.cmograph.rdf.TheoryPipeline;
import org.cmograph.store.CmoStore;
import org.cmograph.testing.Repo;

/**
 * The bundled studies and programme theory, loaded into an in-memory TDB2 store through the
 * project's own pipeline (validate, convert, {@link CmoStore#replace}, which adds the entailed
 * graphs), and the catalogue's golden cases. Public so that the endpoint tests can run the same
 * cases over HTTP and compare with the same golden files.
 *
 * <pre>
 * for (BundledData.GoldenCase c : BundledData.goldenCases()) {
 *   List&lt;List&lt;String&gt;&gt; rows = ...run c.query() elsewhere, cells as SPARQL CSV...;
 *   ResultTable.assertMatchesGolden(c, header, rows);
 * }
 * </pre>
 */
public final class BundledData {
  private static CmoStore shared;
  private static StudyPipeline pipeline;
  private static List<Extraction> studies;
  private static TheoryPipeline.Result theory;

  private BundledData() {}

  /** The shared store, loaded once per test JVM. Read only; never close it. */
  public static synchronized CmoStore store() {
    if (shared == null) {
      shared = fresh();
    }
    return shared;
  }

  /** A new in-memory store with the bundled data, for a test that wants its own. */
  public static synchronized CmoStore fresh() {
    if (pipeline == null) {
      pipeline =
          new StudyPipeline(ReferenceData.load(Repo.root().resolve("ontology")), null, Repo.root());
      List<Path> paths = new ArrayList<>(List.of(Repo.data().resolve("studies")));
      Path theoryFile = Repo.data().resolve("programme-theory.yaml");
      if (theoryFile.toFile().isFile()) {
        paths.add(theoryFile);
      }
      StudyPipeline.Result result = pipeline.validate(paths);
      if (result.hasErrors()) {
        throw new IllegalStateException(
            "the bundled studies do not validate: " + result.problems());
      }
      studies = result.valid();
      theory =
          new TheoryPipeline(pipeline.reference(), Repo.root().resolve("ontology"))
              .validate(paths, studies);
      if (theory.hasErrors()) {
        throw new IllegalStateException(
            "the bundled theory does not validate: " + theory.problems());
      }
    }
    CmoStore store = CmoStore.inMemory();
    ReferenceData ref = pipeline.reference();
    store.replace(
        ref.ontology(),
        ref.catalogue(),
        theory.graph().map(g -> Map.of(g.graphName(), g.graph())).orElse(Map.of()),
        studies,
        pipeline::convert);
    return store;
  }

  /** The repository's catalogue, {@code queries/}. */
  public static QueryCatalogue catalogue() {
    return QueryCatalogue.fromFolder(Repo.root().resolve(QueryCatalogue.RESOURCE_FOLDER));
  }

  /**
   * One example of one catalogue query and its golden result: {@code query/NAME.csv} for a query's
   * first example, {@code query/NAME.2.csv} for its second, and so on.
   */
  public record GoldenCase(CatalogueQuery entry, QueryExample example, Path golden) {
    /** The query with the example's parameters bound. */
    public Query query() {
      return entry.bind(example.params());
    }

    /** True when the query orders its rows, so the order is part of the result. */
    public boolean ordered() {
      return entry.query().hasOrderBy();
    }

    @Override
    public String toString() {
      return example.command().replaceFirst("^cmograph query ", "");
    }
  }

  /** Every example of every catalogue query, in name order. */
  public static List<GoldenCase> goldenCases() {
    List<GoldenCase> cases = new ArrayList<>();
    Path dir = Repo.testResources().resolve("query");
    for (CatalogueQuery q : catalogue().queries()) {
      for (int i = 0; i < q.examples().size(); i++) {
        String file = q.name() + (i == 0 ? "" : "." + (i + 1)) + ".csv";
        cases.add(new GoldenCase(q, q.examples().get(i), dir.resolve(file)));
      }
    }
    return cases;
  }
}
