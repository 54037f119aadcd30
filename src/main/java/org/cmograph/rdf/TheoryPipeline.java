package org.cmograph.rdf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.sparql.graph.GraphFactory;
import org.cmograph.extraction.DocumentReader;
import org.cmograph.extraction.Extraction;
import org.cmograph.extraction.ExtractionValidator;
import org.cmograph.extraction.Position;
import org.cmograph.extraction.PositionedDocument;
import org.cmograph.extraction.Problem;
import org.cmograph.extraction.ProgrammeTheory;
import org.cmograph.extraction.TheoryValidator;
import org.cmograph.util.Suggest;

/**
 * The whole check of a programme-theory file, from bytes to a conforming theory graph: the file
 * checks ({@link TheoryValidator}), conversion, the SHACL shapes (ontology/shapes.ttl with
 * ontology/cerqual-shapes.ttl), and the studies' {@code theory_links}, which must name theory CMOCs
 * that exist.
 *
 * <pre>
 * TheoryPipeline theory = new TheoryPipeline(reference, Path.of("ontology"));
 * TheoryPipeline.Result r = theory.validate(List.of(Path.of("data")), studies.valid());
 * r.graph().ifPresent(g -&gt; ...);   // present only when there are no errors
 * </pre>
 */
public final class TheoryPipeline {
  public static final String CERQUAL_SHAPES_FILE = "cerqual-shapes.ttl";

  private final TheoryValidator validator;
  private final TheoryGraphBuilder builder = new TheoryGraphBuilder(new Iris());
  private final Shapes shapes;

  /**
   * @param ontologyFolder where cerqual-shapes.ttl is (a checkout's ontology/), or null to read the
   *     copy inside the jar
   */
  public TheoryPipeline(ReferenceData reference, Path ontologyFolder) {
    this.validator = new TheoryValidator(reference.concepts());
    Graph all = GraphFactory.createGraphMem();
    reference.shapes().find().forEachRemaining(all::add);
    cerqualShapes(ontologyFolder).find().forEachRemaining(all::add);
    this.shapes = Shapes.parse(all);
  }

  /** The CERQual shapes graph, from {@code folder} or from the jar. */
  public static Graph cerqualShapes(Path folder) {
    return ReferenceData.graph(folder, CERQUAL_SHAPES_FILE);
  }

  /** What validation found: problems, and the theory graph when the theory has no errors. */
  public record Result(
      List<Problem> problems, Optional<TheoryGraphBuilder.TheoryGraph> graph, int filesRead) {
    public boolean hasErrors() {
      return problems.stream().anyMatch(Problem::isError);
    }

    public long errorCount() {
      return problems.stream().filter(Problem::isError).count();
    }
  }

  /**
   * Validates the theory file among {@code paths} (named directly, or found in a folder), and the
   * theory links of {@code studies} against it. With no theory file among the paths, nothing is
   * checked and the result is empty.
   */
  public Result validate(List<Path> paths, List<Extraction> studies) {
    List<Problem> problems = new ArrayList<>();
    List<Path> files = theoryFiles(paths);
    if (files.isEmpty()) {
      return new Result(List.of(), Optional.empty(), 0);
    }
    for (Path extra : files.subList(1, files.size())) {
      problems.add(
          Problem.error(
              extra,
              Position.START,
              "MULTIPLE-THEORIES",
              "a second programme theory (the first is "
                  + files.get(0)
                  + "); load one theory at a time"));
    }
    Path file = files.get(0);
    List<Problem> fileProblems = new ArrayList<>();
    Optional<ProgrammeTheory> theory =
        validator.validate(
            file, studies.isEmpty() ? null : TheoryValidator.Studies.of(studies), fileProblems);
    Optional<TheoryGraphBuilder.TheoryGraph> graph = Optional.empty();
    if (theory.isPresent() && fileProblems.stream().noneMatch(Problem::isError)) {
      TheoryGraphBuilder.TheoryGraph tg = builder.build(theory.get());
      fileProblems.addAll(conform(file, tg));
      if (fileProblems.stream().noneMatch(Problem::isError)) {
        graph = Optional.of(tg);
      }
    }
    problems.addAll(fileProblems);
    if (theory.isPresent()) {
      Set<String> ids = new TreeSet<>();
      theory.get().cmocs().forEach(c -> ids.add(c.id()));
      problems.addAll(checkLinks(studies, ids));
    }
    problems.sort(Problem.BY_PLACE);
    return new Result(
        List.copyOf(problems),
        problems.stream().anyMatch(Problem::isError) ? Optional.empty() : graph,
        files.size());
  }

  /** Study theory_links that name no theory CMOC, placed at the link in the study file. */
  static List<Problem> checkLinks(List<Extraction> studies, Set<String> theoryIds) {
    List<Problem> out = new ArrayList<>();
    for (Extraction x : studies) {
      Optional<PositionedDocument> doc = Optional.empty();
      for (Extraction.Cmoc c : x.cmocs()) {
        for (Extraction.TheoryLink link : c.theoryLinks()) {
          if (link.theoryCmoc() == null || theoryIds.contains(link.theoryCmoc())) {
            continue;
          }
          if (doc.isEmpty()) {
            doc = new DocumentReader().read(x.file(), new ArrayList<>());
          }
          Position at =
              doc.map(d -> d.valueAt(link.pointer() + "/theory_cmoc")).orElse(Position.START);
          out.add(
              Problem.error(
                  x.file(),
                  at,
                  "UNKNOWN-THEORY-CMOC",
                  "theory_links names '"
                      + link.theoryCmoc()
                      + "', which the programme theory does not define"
                      + Suggest.didYouMean(link.theoryCmoc(), theoryIds)));
        }
      }
    }
    return out;
  }

  private List<Problem> conform(Path file, TheoryGraphBuilder.TheoryGraph tg) {
    return ShapeProblems.of(file, shapes, tg.graph(), tg.pointers());
  }

  /** Theory files named directly, or found (as programme-theory.*) under the given folders. */
  public static List<Path> theoryFiles(List<Path> paths) {
    return ExtractionValidator.filesOfKind(paths, ExtractionValidator::isTheoryFile);
  }
}
