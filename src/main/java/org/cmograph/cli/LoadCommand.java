package org.cmograph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cmograph.rdf.StudyPipeline;
import org.cmograph.store.EndpointUrl;
import org.cmograph.store.LoadReport;
import org.cmograph.store.LoadService;
import org.cmograph.store.RemoteGraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cmograph load [PATH...]}: validate everything, then write it all in one transaction. The
 * work is {@link LoadService}'s; this prints its report as text or JSON.
 */
@Command(
    name = "load",
    description = "Validate, then load studies into the store in one transaction (all or nothing).")
final class LoadCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Parameters(
      arity = "0..*",
      paramLabel = "PATH",
      description =
          "Files or folders (default: data/studies, data/programme-theory.yaml and data/selection.yaml)")
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
    StudyPipeline pipeline = Studies.pipeline(ws, sourcesOption.sources);
    LoadService service =
        new LoadService(
            pipeline,
            Studies.theoryPipeline(pipeline),
            Studies.selectionPipeline(sourcesOption.sources));
    Path dir = target.resolve(ws);
    LoadReport report;
    try (Bar bar = new Bar(err, output.chatty())) {
      report =
          target.remote()
              ? service.toEndpoint(targets, target.endpoint, credentials, bar)
              : service.intoStore(targets, dir, bar);
    }
    if (output.json) {
      JsonOutput.print(out, json(report, dir));
    } else {
      print(report, dir, out, err);
    }
    return report.loaded() ? 0 : 1;
  }

  private void print(LoadReport r, Path dir, PrintWriter out, PrintWriter err) {
    Studies.printProblems(r.problems(), err);
    if (!r.loaded()) {
      err.printf(
          "load refused: %d error(s) in %d file(s); the store was not changed%n",
          r.errors(), r.filesRead());
    } else if (output.quiet) {
      // problems only
    } else if (target.remote()) {
      out.printf(
          "pushed %d stud%s (%d graphs, %d triples) to %s in %d ms%n",
          r.studies(),
          r.studies() == 1 ? "y" : "ies",
          r.graphs(),
          r.triples(),
          EndpointUrl.redacted(target.endpoint),
          r.ms());
    } else {
      out.printf(
          "loaded %d stud%s (%d triples) into %s in %d ms; the store holds %d quads%n",
          r.studies(),
          r.studies() == 1 ? "y" : "ies",
          r.triples(),
          Workspace.shown(dir),
          r.ms(),
          r.quads());
    }
    err.flush();
    out.flush();
  }

  private Map<String, Object> json(LoadReport r, Path dir) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("ok", r.loaded());
    if (!r.loaded()) {
      o.put("filesRead", r.filesRead());
      o.put("errors", r.errors());
    } else if (target.remote()) {
      o.put("studies", r.studies());
      o.put("graphs", r.graphs());
      o.put("triples", r.triples());
      o.put("endpoint", EndpointUrl.redacted(target.endpoint));
      o.put("ms", r.ms());
    } else {
      o.put("studies", r.studies());
      o.put("triples", r.triples());
      o.put("store", Workspace.shown(dir).toString());
      o.put("quads", r.quads());
      o.put("ms", r.ms());
    }
    o.put("problems", JsonOutput.problems(r.problems()));
    return o;
  }

  /** The progress of a load on standard error: "validating ...", then a bar. */
  private static final class Bar implements LoadService.Listener, AutoCloseable {
    private final PrintWriter err;
    private final boolean wanted;
    private final boolean onTerminal;
    private Progress progress;

    Bar(PrintWriter err, boolean wanted) {
      this.err = err;
      this.wanted = wanted;
      this.onTerminal = wanted && Progress.onTerminal();
    }

    @Override
    public void validating() {
      if (onTerminal) {
        err.print("validating ...");
        err.flush();
      }
    }

    @Override
    public void validated() {
      if (onTerminal) {
        err.print("\r              \r");
        err.flush();
      }
    }

    @Override
    public void loading(int items) {
      progress = Progress.start(err, "loading", items, wanted);
    }

    @Override
    public void advanced(long triples) {
      progress.advance(triples);
    }

    @Override
    public void close() {
      if (progress != null) {
        progress.close();
      }
    }
  }
}
