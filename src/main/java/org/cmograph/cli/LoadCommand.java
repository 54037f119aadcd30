package org.cmograph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.cmograph.extraction.Extraction;
import org.cmograph.extraction.ExtractionValidator;
import org.cmograph.extraction.Problem;
import org.cmograph.rdf.SelectionPipeline;
import org.cmograph.rdf.StudyGraphBuilder;
import org.cmograph.rdf.StudyPipeline;
import org.cmograph.rdf.TheoryPipeline;
import org.cmograph.store.CmoStore;
import org.cmograph.store.EndpointUrl;
import org.cmograph.store.RemoteGraphStore;
import picocli.CommandLine;
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
  @Mixin HelpOption help;

  @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files or folders (default: data/studies, data/programme-theory.yaml and data/selection.yaml)")
  List<Path> paths;

  @Mixin SourcesOption sourcesOption;

  @Mixin TargetOptions target;

  @Mixin OutputOptions output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    // Read first: a wrong password file is reported before minutes of validation, not after.
    RemoteGraphStore.Credentials credentials = target.check();
    Workspace ws = Workspace.current();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    target.warnOfCredentialsInUrl(err, output.json);
    List<Path> targets = paths == null || paths.isEmpty() ? Studies.defaultTargets(ws) : paths;
    var pipeline = Studies.pipeline(ws, sourcesOption.sources);
    if (target.endpoint == null) {
      return loadIntoStore(ws, pipeline, targets, out, err);
    }
    boolean bar = output.chatty() && Progress.onTerminal();
    if (bar) {
      err.print("validating ...");
      err.flush();
    }
    var result = pipeline.validate(targets);
    var theory = Studies.theoryPipeline(pipeline).validate(targets, result.valid());
    var selection = Studies.selectionPipeline(sourcesOption.sources).validate(targets, result.valid());
    if (bar) {
      err.print("\r              \r");
      err.flush();
    }
    List<Problem> problems = new ArrayList<>(result.problems());
    problems.addAll(theory.problems());
    problems.addAll(selection.problems());
    if (result.hasErrors() || theory.hasErrors() || selection.hasErrors()) {
      return refuse(result, theory, selection, out, err);
    }
    if (!output.json) {
      Studies.printProblems(result.problems(), err);
      Studies.printProblems(theory.problems(), err);
      Studies.printProblems(selection.problems(), err);
    }
    Progress progress = Progress.start(err, "loading", result.valid().size(), output.chatty());
    Function<Extraction, StudyGraphBuilder.StudyGraph> convert =
        x -> {
          var sg = pipeline.convert(x);
          progress.advance(sg.graph().size());
          return sg;
        };
    try (progress) {
      return push(
          pipeline, result, Studies.graphs(theory, selection), credentials, out, convert, problems);
    }
  }

  /**
   * The local store: checks and writes in one pass. Each file is checked on the other cores while
   * the studies before it are written, all in one write transaction that is abandoned if any file
   * has an error, so the store changes whole or not at all, as when everything was validated first.
   */
  private int loadIntoStore(
      Workspace ws, StudyPipeline pipeline, List<Path> targets, PrintWriter out, PrintWriter err) {
    Path dir = target.storeOptions.resolve(ws);
    boolean fresh = !CmoStore.exists(dir);
    boolean dirExisted = Files.isDirectory(dir);
    List<Path> before = fresh ? entries(dir) : List.of();
    if (!fresh) {
      // An existing store is kept byte for byte: nothing opens it until every file has passed.
      // (A fresh store is checked and written in one pass, and removed again if a file fails.)
      var result = pipeline.validate(targets);
      var theoryCheck = Studies.theoryPipeline(pipeline).validate(targets, result.valid());
      var selectionCheck = Studies.selectionPipeline(sourcesOption.sources).validate(targets, result.valid());
      if (result.hasErrors() || theoryCheck.hasErrors() || selectionCheck.hasErrors()) {
        return refuse(result, theoryCheck, selectionCheck, out, err);
      }
    }
    int files = ExtractionValidator.expand(targets, new ArrayList<>()).size();
    List<Extraction> valid = new ArrayList<>();
    StudyPipeline.Summary[] checked = new StudyPipeline.Summary[1];
    TheoryPipeline.Result[] theory = new TheoryPipeline.Result[1];
    SelectionPipeline.Result[] selection = {SelectionPipeline.Result.NONE};
    long start = System.nanoTime();
    Optional<CmoStore.LoadStats> stats;
    try (CmoStore store = CmoStore.open(dir);
        Progress progress = Progress.start(err, "loading", files, output.chatty())) {
      var ref = pipeline.reference();
      stats =
          store.load(
              ref.ontology(),
              ref.catalogue(),
              sink -> {
                boolean[] failed = {false};
                checked[0] =
                    pipeline.stream(
                        targets,
                        true,
                        c -> {
                          progress.advance(c.valid() ? c.graph().graph().size() : 0);
                          if (!c.valid()) {
                            failed[0] = true; // no graph: the file has an error
                            return;
                          }
                          valid.add(c.extraction());
                          if (!failed[0]) {
                            sink.accept(c.graph(), c.inferred());
                          }
                        });
                theory[0] = Studies.theoryPipeline(pipeline).validate(targets, valid);
                selection[0] = Studies.selectionPipeline(sourcesOption.sources).validate(targets, valid);
                return checked[0].hasErrors() || theory[0].hasErrors() || selection[0].hasErrors()
                    ? Optional.empty()
                    : Optional.of(Studies.graphs(theory[0], selection[0]));
              });
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    if (stats.isEmpty() && fresh) {
      removeNew(dir, dirExisted, before); // there was no store: leave no empty one behind
    }
    List<Problem> problems = new ArrayList<>(checked[0].problems());
    problems.addAll(theory[0].problems());
    problems.addAll(selection[0].problems());
    problems.sort(Problem.BY_PLACE);
    long errors = checked[0].errorCount() + theory[0].errorCount() + selection[0].errorCount();
    int filesRead = checked[0].filesRead() + theory[0].filesRead() + selection[0].filesRead();
    if (output.json) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("ok", stats.isPresent());
      if (stats.isPresent()) {
        o.put("studies", stats.get().studies());
        o.put("triples", stats.get().studyTriples());
        o.put("store", Workspace.shown(dir).toString());
        o.put("quads", stats.get().quadsAfter());
        o.put("ms", ms);
      } else {
        o.put("filesRead", filesRead);
        o.put("errors", errors);
      }
      o.put("problems", JsonOutput.problems(problems));
      JsonOutput.print(out, o);
      return stats.isPresent() ? 0 : 1;
    }
    Studies.printProblems(problems, err);
    if (stats.isEmpty()) {
      err.printf(
          "load refused: %d error(s) in %d file(s); the store was not changed%n", errors, filesRead);
      err.flush();
      return 1;
    }
    if (!output.quiet) {
      out.printf(
          "loaded %d stud%s (%d triples) into %s in %d ms; the store holds %d quads%n",
          stats.get().studies(),
          stats.get().studies() == 1 ? "y" : "ies",
          stats.get().studyTriples(),
          Workspace.shown(dir),
          ms,
          stats.get().quadsAfter());
    }
    err.flush();
    out.flush();
    return 0;
  }

  /** Reports why a load was refused, in the chosen output form; the store was not touched. */
  private int refuse(
      StudyPipeline.Result result,
      TheoryPipeline.Result theory,
      SelectionPipeline.Result selection,
      PrintWriter out,
      PrintWriter err) {
    List<Problem> problems = new ArrayList<>(result.problems());
    problems.addAll(theory.problems());
    problems.addAll(selection.problems());
    long errors = result.errorCount() + theory.errorCount() + selection.errorCount();
    int filesRead = result.filesRead() + theory.filesRead() + selection.filesRead();
    if (output.json) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("ok", false);
      o.put("filesRead", filesRead);
      o.put("errors", errors);
      o.put("problems", JsonOutput.problems(problems));
      JsonOutput.print(out, o);
      return 1;
    }
    Studies.printProblems(result.problems(), err);
    Studies.printProblems(theory.problems(), err);
    Studies.printProblems(selection.problems(), err);
    err.printf(
        "load refused: %d error(s) in %d file(s); the store was not changed%n", errors, filesRead);
    err.flush();
    return 1;
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

  /** Sends every graph to the Graph Store Protocol server named by --endpoint. */
  private int push(
      StudyPipeline pipeline,
      StudyPipeline.Result result,
      Map<Node, Graph> theoryGraphs,
      RemoteGraphStore.Credentials credentials,
      PrintWriter out,
      Function<Extraction, StudyGraphBuilder.StudyGraph> convert,
      List<Problem> problems) {
    long start = System.nanoTime();
    var ref = pipeline.reference();
    RemoteGraphStore.PushStats stats =
        new RemoteGraphStore(target.endpoint, credentials)
            .push(ref.ontology(), ref.catalogue(), theoryGraphs, result.valid(), convert);
    if (output.json) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("ok", true);
      o.put("studies", stats.studies());
      o.put("graphs", stats.graphs());
      o.put("triples", stats.triples());
      o.put("endpoint", EndpointUrl.redacted(target.endpoint));
      o.put("ms", (System.nanoTime() - start) / 1_000_000);
      o.put("problems", JsonOutput.problems(problems));
      JsonOutput.print(out, o);
      return 0;
    }
    if (output.quiet) {
      return 0;
    }
    out.printf(
        "pushed %d stud%s (%d graphs, %d triples) to %s in %d ms%n",
        stats.studies(),
        stats.studies() == 1 ? "y" : "ies",
        stats.graphs(),
        stats.triples(),
        EndpointUrl.redacted(target.endpoint),
        (System.nanoTime() - start) / 1_000_000);
    out.flush();
    return 0;
  }
}
