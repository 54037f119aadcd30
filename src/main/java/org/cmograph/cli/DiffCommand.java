package org.cmograph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.jena.graph.Graph;
import org.cmograph.extraction.Extraction;
import org.cmograph.rdf.StudyDiff;
import org.cmograph.rdf.StudyPipeline;
import org.cmograph.store.EndpointUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cmograph diff FILE}: what loading a file would add, change or remove in the store, before
 * anything is written.
 *
 * <pre>
 * cmograph diff data/studies/gillard-2024.yaml
 * </pre>
 */
@Command(
    name = "diff",
    description =
        "Show what loading extraction files would add, change or remove in the store (CMOCs,"
            + " evidence items, catalogue links); writes nothing.")
final class DiffCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Extraction files or folders")
  List<Path> paths;

  @Mixin SourcesOption sourcesOption;

  @Mixin TargetOptions target;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    target.checkForReading();
    Workspace ws = Workspace.current();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    StudyPipeline pipeline = Studies.pipeline(ws, sourcesOption.sources);
    StudyPipeline.Result result = pipeline.validate(paths);
    Studies.printProblems(result.problems(), err);
    if (result.hasErrors()) {
      err.printf(
          "diff refused: %d error(s); a file that does not validate cannot be loaded%n",
          result.errorCount());
      err.flush();
      return 1;
    }
    err.flush();
    try (StoreReader.StudySource store = StoreReader.studyGraphs(ws, target, err)) {
      String storeName =
          target.remote()
              ? EndpointUrl.redacted(target.endpoint)
              : Workspace.shown(target.resolve(ws)).toString();
      for (Extraction x : result.valid()) {
        String id = x.study().id();
        Graph after = pipeline.convert(x).graph();
        Graph before = store.graph(id);
        print(
            out,
            Workspace.shown(x.file()).toString(),
            storeName,
            StudyDiff.compare(id, before, after));
      }
    }
    out.flush();
    return 0;
  }

  static void print(PrintWriter out, String file, String store, StudyDiff.Result d) {
    if (d.newStudy()) {
      out.printf(
          "%s: new study %s; loading it into %s would add %d CMOC(s), %d evidence item(s), %d"
              + " catalogue link(s)%n",
          file, d.studyId(), store, d.cmocs().size(), d.evidence().size(), d.links().size());
    } else if (d.isEmpty()) {
      out.printf(
          "%s: no change; %s already holds this version of study %s%n", file, store, d.studyId());
      return;
    } else {
      out.printf("%s: loading it into %s would change study %s:%n", file, store, d.studyId());
    }
    section(out, "CMOCs", d.cmocs());
    section(out, "evidence items", d.evidence());
    section(out, "catalogue links", d.links());
    if (!d.studyFacts().isEmpty()) {
      out.printf("  study facts: %s%n", String.join("; ", d.studyFacts()));
    }
  }

  private static void section(PrintWriter out, String name, List<StudyDiff.Change> changes) {
    if (changes.isEmpty()) {
      return;
    }
    long added = changes.stream().filter(c -> c.kind() == StudyDiff.Kind.ADDED).count();
    long changed = changes.stream().filter(c -> c.kind() == StudyDiff.Kind.CHANGED).count();
    long removed = changes.stream().filter(c -> c.kind() == StudyDiff.Kind.REMOVED).count();
    out.printf("  %s: %d added, %d changed, %d removed%n", name, added, changed, removed);
    boolean links = name.startsWith("catalogue");
    for (StudyDiff.Change c : changes) {
      String mark =
          switch (c.kind()) {
            case ADDED -> "+";
            case CHANGED -> "~";
            case REMOVED -> "-";
          };
      String detail;
      if (links) {
        detail = c.kind() == StudyDiff.Kind.CHANGED ? ": " + c.detail() : " → " + c.detail();
      } else if (c.kind() == StudyDiff.Kind.CHANGED) {
        detail = ": " + c.detail();
      } else {
        detail = c.detail() == null ? "" : " \"" + abbreviate(c.detail()) + "\"";
      }
      out.printf("    %s %s%s%n", mark, c.id(), detail);
    }
  }

  static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    if (one.length() <= 90) {
      return one;
    }
    int cut = one.lastIndexOf(' ', 87);
    return one.substring(0, cut > 40 ? cut : 87) + " ...";
  }
}
