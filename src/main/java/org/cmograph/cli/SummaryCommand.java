package org.cmograph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cmograph.endpoint.SummaryRenderer;
import org.cmograph.report.Summaries;
import org.cmograph.store.CmoStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cmograph summary}: evidence summaries per mechanism and per theory CMOC, with the theory
 * diagram, the evidence matrix and the GRADE-CERQual tables, as Markdown or HTML.
 *
 * <pre>
 * cmograph summary --mechanism trusting-relationship
 * cmograph summary --format html --out target/summaries
 * </pre>
 */
@Command(
    name = "summary",
    description = {
      "Write evidence summaries from the store (or, with --endpoint, a server's dataset): per mechanism and per theory CMOC (studies, CMO"
          + " table, enabling and blocking contexts, outcomes, perspectives, quotes, conflicts, gaps,"
          + " GRADE-CERQual profile), the theory diagram and the evidence matrix.",
      "With --out, writes index (the whole theory), one page per mechanism, the evidence appendix"
          + " and the CSV tables; without, prints one document. --format json gives the same content"
          + " as data, with the evidence ids behind every count; --format docx (with --out) writes"
          + " summary.docx: the Summary of Qualitative Findings, the Evidence Profile and the evidence"
          + " appendix as one Word document."
    })
final class SummaryCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Option(
      names = "--mechanism",
      paramLabel = "ID",
      description = "Mechanism concept id (repeatable)")
  List<String> mechanisms;

  @Option(names = "--theory-cmoc", paramLabel = "ID", description = "Theory CMOC id (repeatable)")
  List<String> theoryCmocs;

  @Option(
      names = "--format",
      defaultValue = "md",
      description = "md, html, json or docx; default ${DEFAULT-VALUE}")
  String format;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Folder to write pages and CSV tables into (default: print one document)")
  Path out;

  @Mixin TargetOptions target;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    boolean docx = format.equalsIgnoreCase("docx");
    Summaries.Format f = null;
    if (!docx) {
      try {
        f = Summaries.Format.valueOf(format.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(
            spec.commandLine(), "unknown format '" + format + "'; use md, html, json or docx");
      }
    }
    Summaries.Selection selection =
        new Summaries.Selection(distinct(mechanisms), distinct(theoryCmocs));
    if (docx && out == null) {
      throw new ParameterException(
          spec.commandLine(),
          "--format docx writes a Word file; give the folder to write it into with --out DIR");
    }
    if (docx && !selection.all()) {
      throw new ParameterException(
          spec.commandLine(),
          "--format docx covers the whole theory (Summary of Qualitative Findings, Evidence Profile, evidence appendix); leave out --mechanism and --theory-cmoc");
    }
    target.checkForReading();
    PrintWriter err = spec.commandLine().getErr();
    Workspace ws = Workspace.current();
    if (out == null) {
      String lower = format.toLowerCase(Locale.ROOT);
      SummaryRenderer.Rendered doc =
          ServedSummary.fetch(ws, target, selection, lower, err)
              .orElseGet(
                  () -> {
                    try (CmoStore store = StoreReader.open(ws, target, err)) {
                      return document(store, selection, lower);
                    }
                  });
      if (!doc.problems().isEmpty()) {
        throw new ParameterException(spec.commandLine(), String.join("\n", doc.problems()));
      }
      noTheoryNote(doc.noTheory(), err);
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.print(doc.document());
      stdout.flush();
      err.flush();
      return 0;
    }
    Summaries summaries;
    try (CmoStore store = StoreReader.open(ws, target, err)) {
      // A folder's CSV tables cover the whole theory: the whole evidence base is read.
      summaries = Summaries.read(store);
    }
    List<String> problems = summaries.check(selection);
    if (!problems.isEmpty()) {
      throw new ParameterException(spec.commandLine(), String.join("\n", problems));
    }
    noTheoryNote(summaries.base().theory().isEmpty(), err);
    if (docx) {
      Path written = summaries.writeDocx(out);
      spec.commandLine().getOut().println("wrote " + Workspace.shown(written));
      spec.commandLine().getOut().flush();
    } else {
      List<Path> written = summaries.write(out, f, selection);
      spec.commandLine()
          .getOut()
          .println("wrote " + written.size() + " file(s) to " + Workspace.shown(out));
      spec.commandLine().getOut().flush();
    }
    err.flush();
    return 0;
  }

  /**
   * One document from the store: what this command prints without {@code --out}, and what {@code
   * serve} answers {@code GET /summary} with. A document of a few sections reads only their
   * evidence.
   *
   * @param format md, html or json
   */
  static SummaryRenderer.Rendered document(
      CmoStore store, Summaries.Selection selection, String format) {
    Summaries.Format f = Summaries.Format.valueOf(format.toUpperCase(Locale.ROOT));
    Summaries summaries = Summaries.read(store, selection);
    List<String> problems = summaries.check(selection);
    if (!problems.isEmpty()) {
      return new SummaryRenderer.Rendered(null, problems, false);
    }
    return new SummaryRenderer.Rendered(
        summaries.document(f, selection), List.of(), summaries.base().theory().isEmpty());
  }

  /** Each id once, in the order first given (an id named twice is one section). */
  private static List<String> distinct(List<String> ids) {
    return ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids));
  }

  private static void noTheoryNote(boolean noTheory, PrintWriter err) {
    if (noTheory) {
      err.println(
          "note: the store holds no programme theory; run 'cmograph load' to load data/programme-theory.yaml");
    }
  }
}
