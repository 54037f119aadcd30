package org.cmograph.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.cmograph.extraction.Extraction;
import org.cmograph.extraction.ExtractionValidator;
import org.cmograph.extraction.Problem;
import org.cmograph.rdf.ReferenceData;
import org.cmograph.rdf.SelectionPipeline;
import org.cmograph.rdf.StudyPipeline;
import org.cmograph.rdf.TheoryPipeline;

/**
 * {@code cmograph load} without the command line: validates the studies, the programme theory and
 * the search and selection log, then writes them all in one transaction into a store folder, or
 * pushes them to a Graph Store Protocol server; nothing is written unless every file passes. It
 * returns a {@link LoadReport} for the caller to print.
 *
 * <pre>
 * LoadReport r = new LoadService(studies, theory, selection).intoStore(paths, dir, listener);
 * </pre>
 */
public final class LoadService {
  /** What a caller may show while a load runs (a progress bar); every method may be ignored. */
  public interface Listener {
    /** Validation before anything is written has started (a push, or an existing store). */
    default void validating() {}

    /** Validation is over. */
    default void validated() {}

    /** Writing starts: {@code items} files or studies will be reported by {@link #advanced}. */
    default void loading(int items) {}

    /** One file or study is done: its graph's {@code triples} (0 for a file with an error). */
    default void advanced(long triples) {}
  }

  private final StudyPipeline studies;
  private final TheoryPipeline theory;
  private final SelectionPipeline selection;

  public LoadService(StudyPipeline studies, TheoryPipeline theory, SelectionPipeline selection) {
    this.studies = studies;
    this.theory = theory;
    this.selection = selection;
  }

  /**
   * Loads into the store in {@code dir}. An existing store is kept byte for byte unless every file
   * passes: nothing opens it until they have. A fresh store is checked and written in one pass
   * (each file is checked on the other cores while the studies before it are written, in one write
   * transaction abandoned if any file has an error), and what it created is removed again if a file
   * fails.
   */
  public LoadReport intoStore(List<Path> targets, Path dir, Listener listener) {
    boolean fresh = !CmoStore.exists(dir);
    boolean dirExisted = Files.isDirectory(dir);
    List<Path> before = fresh ? entries(dir) : List.of();
    if (!fresh) {
      listener.validating();
      Checked checked = validate(targets);
      listener.validated();
      if (checked.hasErrors()) {
        return checked.refused();
      }
    }
    int files = ExtractionValidator.expand(targets, new ArrayList<>()).size();
    List<Extraction> valid = new ArrayList<>();
    StudyPipeline.Summary[] studyCheck = new StudyPipeline.Summary[1];
    TheoryPipeline.Result[] theoryCheck = new TheoryPipeline.Result[1];
    SelectionPipeline.Result[] selectionCheck = {SelectionPipeline.Result.NONE};
    long start = System.nanoTime();
    Optional<CmoStore.LoadStats> stats;
    try (CmoStore store = CmoStore.open(dir)) {
      listener.loading(files);
      ReferenceData ref = studies.reference();
      stats =
          store.load(
              ref.ontology(),
              ref.catalogue(),
              sink -> {
                boolean[] failed = {false};
                studyCheck[0] =
                    studies.stream(
                        targets,
                        true,
                        c -> {
                          listener.advanced(c.valid() ? c.graph().graph().size() : 0);
                          if (!c.valid()) {
                            failed[0] = true; // no graph: the file has an error
                            return;
                          }
                          valid.add(c.extraction());
                          if (!failed[0]) {
                            sink.accept(c.graph(), c.inferred());
                          }
                        });
                theoryCheck[0] = theory.validate(targets, valid);
                selectionCheck[0] = selection.validate(targets, valid);
                return studyCheck[0].hasErrors()
                        || theoryCheck[0].hasErrors()
                        || selectionCheck[0].hasErrors()
                    ? Optional.empty()
                    : Optional.of(graphs(theoryCheck[0], selectionCheck[0]));
              });
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    if (stats.isEmpty() && fresh) {
      removeNew(dir, dirExisted, before); // there was no store: leave no empty one behind
    }
    List<Problem> problems = new ArrayList<>(studyCheck[0].problems());
    problems.addAll(theoryCheck[0].problems());
    problems.addAll(selectionCheck[0].problems());
    long errors =
        studyCheck[0].errorCount() + theoryCheck[0].errorCount() + selectionCheck[0].errorCount();
    int filesRead =
        studyCheck[0].filesRead() + theoryCheck[0].filesRead() + selectionCheck[0].filesRead();
    if (stats.isEmpty()) {
      return LoadReport.refused(problems, errors, filesRead);
    }
    CmoStore.LoadStats s = stats.get();
    return new LoadReport(
        true,
        sorted(problems),
        errors,
        filesRead,
        s.studies(),
        s.studyTriples(),
        s.quadsAfter(),
        0,
        ms);
  }

  /**
   * Loads into {@code store}, already open (the default store on first use): validates everything
   * first and writes nothing unless every file passes.
   */
  public LoadReport into(CmoStore store, List<Path> targets) {
    Checked checked = validate(targets);
    if (checked.hasErrors()) {
      return checked.refused();
    }
    long start = System.nanoTime();
    ReferenceData ref = studies.reference();
    CmoStore.LoadStats s =
        store.replace(
            ref.ontology(),
            ref.catalogue(),
            graphs(checked.theory, checked.selection),
            checked.studies.valid(),
            studies::convert);
    return checked.loaded(
        s.studies(), s.studyTriples(), s.quadsAfter(), 0, (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * Validates everything, then sends every graph to the Graph Store Protocol server at {@code url}.
   */
  public LoadReport toEndpoint(
      List<Path> targets, String url, RemoteGraphStore.Credentials credentials, Listener listener) {
    listener.validating();
    Checked checked = validate(targets);
    listener.validated();
    if (checked.hasErrors()) {
      return checked.refused();
    }
    listener.loading(checked.studies.valid().size());
    long start = System.nanoTime();
    ReferenceData ref = studies.reference();
    RemoteGraphStore.PushStats stats =
        new RemoteGraphStore(url, credentials)
            .push(
                ref.ontology(),
                ref.catalogue(),
                graphs(checked.theory, checked.selection),
                checked.studies.valid(),
                x -> {
                  var sg = studies.convert(x);
                  listener.advanced(sg.graph().size());
                  return sg;
                });
    return checked.loaded(
        stats.studies(),
        stats.triples(),
        0,
        stats.graphs(),
        (System.nanoTime() - start) / 1_000_000);
  }

  /** The theory's and the selection log's graphs, by name, to replace whole with the studies. */
  public static Map<Node, Graph> graphs(
      TheoryPipeline.Result theory, SelectionPipeline.Result selection) {
    Map<Node, Graph> out = new LinkedHashMap<>();
    theory.graph().ifPresent(g -> out.put(g.graphName(), g.graph()));
    selection.graph().ifPresent(g -> out.put(g.graphName(), g.graph()));
    return out;
  }

  private Checked validate(List<Path> targets) {
    StudyPipeline.Result result = studies.validate(targets);
    return new Checked(
        result,
        theory.validate(targets, result.valid()),
        selection.validate(targets, result.valid()));
  }

  /** The three checks of a load, before anything is written. */
  private record Checked(
      StudyPipeline.Result studies,
      TheoryPipeline.Result theory,
      SelectionPipeline.Result selection) {
    boolean hasErrors() {
      return studies.hasErrors() || theory.hasErrors() || selection.hasErrors();
    }

    List<Problem> problems() {
      List<Problem> problems = new ArrayList<>(studies.problems());
      problems.addAll(theory.problems());
      problems.addAll(selection.problems());
      return sorted(problems);
    }

    int filesRead() {
      return studies.filesRead() + theory.filesRead() + selection.filesRead();
    }

    /** What was written, after checks that passed (warnings kept). */
    LoadReport loaded(int studies, long triples, long quads, int graphs, long ms) {
      return new LoadReport(true, problems(), 0, filesRead(), studies, triples, quads, graphs, ms);
    }

    LoadReport refused() {
      return LoadReport.refused(
          problems(),
          studies.errorCount() + theory.errorCount() + selection.errorCount(),
          filesRead());
    }
  }

  private static List<Problem> sorted(List<Problem> problems) {
    List<Problem> out = new ArrayList<>(problems);
    out.sort(Problem.BY_PLACE);
    return List.copyOf(out);
  }

  private static List<Path> entries(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Deletes what a refused load created in {@code dir}: everything not in {@code before}. */
  private static void removeNew(Path dir, boolean dirExisted, List<Path> before) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        boolean old = p.equals(dir) ? dirExisted : before.stream().anyMatch(p::startsWith);
        if (!old) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      // best effort: an empty store left behind changes nothing
    }
  }
}
