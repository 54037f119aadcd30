package org.cmograph.rdf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.shacl.Shapes;
import org.cmograph.extraction.DocumentReader;
import org.cmograph.extraction.Extraction;
import org.cmograph.extraction.ExtractionValidator;
import org.cmograph.extraction.Position;
import org.cmograph.extraction.Problem;
import org.cmograph.extraction.SelectionLog;
import org.cmograph.extraction.SelectionValidator;

/**
 * The whole check of a search and selection log, from bytes to a conforming graph: the file checks
 * ({@link SelectionValidator}: schema, counts that add up, included ids with an extraction file),
 * conversion ({@link SelectionGraphBuilder}) and the SHACL shapes of ontology/selection-shapes.ttl.
 * A data folder without a log is fine: nothing is checked.
 *
 * <pre>
 * SelectionPipeline.Result r = new SelectionPipeline(Path.of("ontology"), null)
 *     .validate(List.of(Path.of("data")), studies.valid());
 * r.graph().ifPresent(g -&gt; ...);   // present only when there are no errors
 * </pre>
 */
public final class SelectionPipeline {
  public static final String SHAPES_FILE = "selection-shapes.ttl";

  private final SelectionValidator validator = new SelectionValidator();
  private final SelectionGraphBuilder builder = new SelectionGraphBuilder(Vocab.ID);
  private final Shapes shapes;
  private final Path sources;

  /**
   * @param ontologyFolder where selection-shapes.ttl is (a checkout's ontology/), or null for the
   *     copy inside the jar
   * @param sources the folder of source texts, or null for the sources/ folder beside the log
   */
  public SelectionPipeline(Path ontologyFolder, Path sources) {
    this.shapes = Shapes.parse(shapes(ontologyFolder));
    this.sources = sources;
  }

  /** The selection shapes graph, from {@code folder} or from the jar. */
  public static Graph shapes(Path folder) {
    return ReferenceData.graph(folder, SHAPES_FILE);
  }

  /** What validation found: problems, and the log's graph when it has no errors. */
  public record Result(
      List<Problem> problems,
      Optional<SelectionGraphBuilder.SelectionGraph> graph,
      Optional<SelectionLog> log,
      int filesRead) {
    public static final Result NONE = new Result(List.of(), Optional.empty(), Optional.empty(), 0);

    public boolean hasErrors() {
      return problems.stream().anyMatch(Problem::isError);
    }

    public long errorCount() {
      return problems.stream().filter(Problem::isError).count();
    }
  }

  /**
   * Validates the log among {@code paths} (named directly, or found in a folder) against the
   * studies validated alongside. With no log among the paths, the result is empty.
   */
  public Result validate(List<Path> paths, List<Extraction> studies) {
    List<Path> files = selectionFiles(paths);
    if (files.isEmpty()) {
      return Result.NONE;
    }
    List<Problem> problems = new ArrayList<>();
    for (Path extra : files.subList(1, files.size())) {
      problems.add(
          Problem.error(
              extra,
              Position.START,
              "MULTIPLE-SELECTION-LOGS",
              "a second search and selection log (the first is "
                  + files.get(0)
                  + "); load one log at a time"));
    }
    Path file = files.get(0);
    List<String> ids = studies.stream().map(x -> x.study().id()).toList();
    Optional<SelectionLog> log = validator.validate(file, ids, sources, problems);
    Optional<SelectionGraphBuilder.SelectionGraph> graph = Optional.empty();
    if (log.isPresent() && problems.stream().noneMatch(Problem::isError)) {
      SelectionGraphBuilder.SelectionGraph sg = builder.build(log.get());
      problems.addAll(conform(file, sg));
      if (problems.stream().noneMatch(Problem::isError)) {
        graph = Optional.of(sg);
      }
    }
    problems.sort(Problem.BY_PLACE);
    return new Result(List.copyOf(problems), graph, log, files.size());
  }

  private List<Problem> conform(Path file, SelectionGraphBuilder.SelectionGraph sg) {
    return ShapeProblems.of(file, shapes, sg.graph(), sg.pointers());
  }

  /** Logs named directly, or found (as selection.*) in the given folders. */
  public static List<Path> selectionFiles(List<Path> paths) {
    return ExtractionValidator.filesOfKind(
        paths, f -> SelectionValidator.isSelectionFile(f) && DocumentReader.isExtractionFile(f));
  }
}
