package org.cmograph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.cmograph.exchange.ImportReport;
import org.cmograph.exchange.ImportService;
import org.cmograph.exchange.StudyDraft;
import org.cmograph.exchange.StudyFiles;
import org.cmograph.extraction.SheetLayout;
import org.cmograph.rdf.CatalogueLabels;
import org.cmograph.rdf.StudyPipeline;
import org.cmograph.util.Suggest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cmograph import}: a CMOC spreadsheet (.csv, .xlsx) or a REFI-QDA project (.qdpx) becomes
 * extraction files, which are then validated. Nothing is written when the input has errors. The
 * options are parsed and the report printed here; {@link ImportService} does the import.
 *
 * <pre>
 * cmograph import cmocs.xlsx --study smith-2023 --title "..." --source smith-2023.txt
 * cmograph import review.csv --map "Programme mechanism=mechanism resource"
 * cmograph import project.qdpx --study smith-2023 --codes codes.yaml
 * </pre>
 */
@Command(
    name = "import",
    description = {
      "Turn a CMOC spreadsheet (.csv, .xlsx: one row per evidence item) or a REFI-QDA project"
          + " (.qdpx, with --codes) into extraction files, then validate them.",
      "Spreadsheet columns (headers in the first row, any case): study, cmoc, context, context"
          + " role, mechanism concept, mechanism wording, mechanism resource, mechanism reasoning,"
          + " outcome, evidence kind, quote, location, perspective, stance, and more; see"
          + " docs/extraction-guide.md. Files are written in format 2."
    })
final class ImportCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Parameters(paramLabel = "FILE", description = "A .csv, .xlsx or .qdpx file")
  Path file;

  @Option(
      names = "--study",
      paramLabel = "ID",
      description =
          "The study to import (repeatable; default: every study in the sheet's study column)")
  List<String> studies = new ArrayList<>();

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "The extraction file to write (one study)")
  Path out;

  @Option(
      names = "--out-dir",
      paramLabel = "DIR",
      description = "Folder for ID.yaml files (default: data/studies)")
  Path outDir;

  @Option(
      names = "--map",
      paramLabel = "HEADER=COLUMN",
      description = "Read the sheet's column HEADER as the layout's COLUMN (repeatable)")
  Map<String, String> map = new LinkedHashMap<>();

  @Option(
      names = "--sheet",
      paramLabel = "NAME",
      description = "The workbook sheet (default: the first)")
  String sheet;

  @Option(
      names = "--codes",
      paramLabel = "MAPPING.yaml",
      description = "For .qdpx: which codes are which contexts, mechanisms and outcomes")
  Path codes;

  @Option(
      names = "--base",
      paramLabel = "FILE",
      description =
          "A format 2 extraction whose study, source, programme, actors and extraction sections to"
              + " keep")
  Path base;

  @Option(names = "--title", paramLabel = "TEXT", description = "The study's title, for a new file")
  String title;

  @Option(
      names = "--source",
      paramLabel = "NAME",
      description = "The registered source text (a file under data/sources/), for a new file")
  String source;

  @Option(
      names = "--extractor",
      paramLabel = "NAME",
      description = "Who extracted the study (default: your user name)")
  String extractor;

  @Option(
      names = "--date",
      paramLabel = "DATE",
      description = "Extraction date, YYYY-MM-DD (default: today)")
  String date;

  @Mixin SourcesOption sourcesOption;

  @Option(
      names = "--force",
      description = "Replace the contexts, outcomes, CMOCs and evidence of existing files")
  boolean force;

  @Mixin OutputOptions output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Workspace ws = Workspace.current();
    Map<String, SheetLayout.Column> mapping = mapping();
    Set<String> wanted = new LinkedHashSet<>();
    for (String s : studies) {
      if (!s.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
        throw new ParameterException(
            spec.commandLine(), "'" + s + "' is not a study id (e.g. smith-2023)");
      }
      wanted.add(s);
    }
    if (out != null && outDir != null) {
      throw new ParameterException(spec.commandLine(), "give --out or --out-dir, not both");
    }
    if (Files.isRegularFile(file) && !ImportService.importable(file)) {
      throw new ParameterException(
          spec.commandLine(),
          "cannot import '" + file.getFileName() + "': use a .csv, .xlsx or .qdpx file");
    }
    if (Files.isRegularFile(file) && !ImportService.isProject(file) && codes != null) {
      throw new ParameterException(spec.commandLine(), "--codes is for .qdpx projects");
    }
    Path sourcesDir = sourcesOption.orElse(ws.dataDir().resolve("sources"));
    // Imported files are checked against the folder the import registers sources in.
    StudyPipeline pipeline = Studies.pipeline(ws, sourcesDir);
    StudyFiles.Settings settings =
        new StudyFiles.Settings(
            out,
            outDir != null ? outDir : ws.studiesDir(),
            base,
            title,
            source,
            extractor != null ? extractor : System.getProperty("user.name", "unknown"),
            date,
            force,
            ws.home().resolve("schema").resolve("extraction.schema.json"),
            LocalDate.now().toString());
    ImportService service =
        new ImportService(
            CatalogueLabels.of(pipeline.reference()),
            files -> {
              StudyPipeline.Result r = pipeline.validate(files);
              Set<Path> valid = new HashSet<>();
              r.valid().forEach(x -> valid.add(x.file()));
              return new ImportService.Checked(r.problems(), valid);
            });
    ImportReport r;
    try (Bar bar = new Bar(err, output.chatty())) {
      r =
          service.run(
              new ImportService.Request(file, wanted, mapping, sheet, codes, sourcesDir, settings),
              bar);
    }
    report(stdout, err, r);
    if (!r.written()) {
      if (!output.json) {
        err.printf("import refused: %d error(s); nothing was written%n", r.errorCount());
        err.flush();
      }
      return 1;
    }
    return r.hasErrors() ? 1 : 0;
  }

  private Map<String, SheetLayout.Column> mapping() {
    Map<String, SheetLayout.Column> out = new LinkedHashMap<>();
    map.forEach(
        (header, column) -> {
          SheetLayout.Column c = SheetLayout.column(column);
          if (c == null) {
            List<String> names = new ArrayList<>();
            for (SheetLayout.Column known : SheetLayout.Column.values()) {
              names.add(known.header());
            }
            throw new ParameterException(
                spec.commandLine(),
                "--map "
                    + header
                    + "="
                    + column
                    + ": '"
                    + column
                    + "' is not a column of the layout"
                    + Suggest.didYouMean(SheetLayout.normalise(column), names)
                    + " (columns: "
                    + String.join(", ", names)
                    + ")");
          }
          out.put(header, c);
        });
    return out;
  }

  private void report(PrintWriter stdout, PrintWriter err, ImportReport r) {
    if (output.json) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("ok", !r.hasErrors());
      List<Map<String, Object>> files = new ArrayList<>();
      for (ImportReport.Written w : r.files()) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("study", w.draft().id());
        f.put("file", Workspace.shown(w.file()).toString());
        f.put("replaced", w.replaced());
        f.put("cmocs", w.draft().cmocs().size());
        f.put("evidence", w.draft().evidence().size());
        f.put("checks", w.draft().comments().size());
        f.put("valid", w.valid());
        files.add(f);
      }
      o.put("files", files);
      o.put("problems", JsonOutput.problems(r.problems()));
      JsonOutput.print(stdout, o);
      return;
    }
    if (output.chatty()) {
      for (Path s : r.registeredSources()) {
        stdout.println("registered source text " + Workspace.shown(s));
      }
    }
    Studies.printProblems(r.problems(), err);
    err.flush();
    if (output.quiet || !r.written()) {
      return;
    }
    for (ImportReport.Written w : r.files()) {
      StudyDraft d = w.draft();
      stdout.printf(
          "%s %s: study %s, %d CMOC(s), %d evidence item(s)%s; %s%n",
          w.replaced() ? "updated" : "wrote",
          Workspace.shown(w.file()),
          d.id(),
          d.cmocs().size(),
          d.evidence().size(),
          d.comments().isEmpty() ? "" : ", " + d.comments().size() + " line(s) marked CHECK",
          w.valid() ? "it validates" : "validate found " + w.errors() + " error(s) (above)");
    }
    stdout.flush();
  }

  /** The progress of the writing on standard error. */
  private static final class Bar implements ImportService.Listener, AutoCloseable {
    private final PrintWriter err;
    private final boolean wanted;
    private Progress progress;

    Bar(PrintWriter err, boolean wanted) {
      this.err = err;
      this.wanted = wanted;
    }

    @Override
    public void writing(int files) {
      progress = Progress.start(err, "importing", files, wanted);
    }

    @Override
    public void wrote(Path file) {
      progress.advance(0);
    }

    @Override
    public void checking() {
      close(); // the bar is for the writing; problems are printed after the check
    }

    @Override
    public void close() {
      if (progress != null) {
        progress.close();
        progress = null;
      }
    }
  }
}
