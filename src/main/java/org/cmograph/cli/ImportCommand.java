package org.cmograph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.cmograph.exchange.Sheet;
import org.cmograph.exchange.SheetImporter;
import org.cmograph.exchange.SheetReader;
import org.cmograph.exchange.StudyDraft;
import org.cmograph.exchange.StudyFiles;
import org.cmograph.extraction.ConceptLabels;
import org.cmograph.extraction.Position;
import org.cmograph.extraction.Problem;
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
 * extraction files, which are then validated. Nothing is written when the input has errors.
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
    List<Problem> problems = new ArrayList<>();
    Path sourcesDir = sourcesOption.orElse(ws.dataDir().resolve("sources"));
    // Imported files are checked against the folder the import registers sources in.
    StudyPipeline pipeline = Studies.pipeline(ws, sourcesDir);
    ConceptLabels labels = CatalogueLabels.of(pipeline.reference());

    List<StudyDraft> drafts = new ArrayList<>();
    List<QdpxImport.PendingSource> sourceFiles = new ArrayList<>();
    String kind = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!Files.isRegularFile(file)) {
      problems.add(Problem.error(file, Position.START, "NOT-FOUND", "no such file"));
    } else if (kind.endsWith(".qdpx")) {
      QdpxImport.read(file, codes, wanted, labels, sourcesDir, force, problems, sourceFiles)
          .ifPresent(drafts::add);
    } else if (SheetReader.isSpreadsheet(file)) {
      if (codes != null) {
        throw new ParameterException(spec.commandLine(), "--codes is for .qdpx projects");
      }
      Optional<Sheet> table = new SheetReader().read(file, sheet, problems);
      if (table.isPresent()) {
        SheetImporter.Result r =
            new SheetImporter(labels).read(table.get(), new SheetImporter.Options(wanted, mapping));
        problems.addAll(r.problems());
        drafts.addAll(r.studies());
      }
    } else {
      throw new ParameterException(
          spec.commandLine(),
          "cannot import '" + file.getFileName() + "': use a .csv, .xlsx or .qdpx file");
    }

    List<StudyFiles.Planned> plan = List.of();
    if (problems.stream().noneMatch(Problem::isError)) {
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
      plan = StudyFiles.plan(drafts, settings, problems);
    }
    if (problems.stream().anyMatch(Problem::isError)) {
      report(stdout, err, problems, List.of(), null);
      if (!output.json) {
        err.printf(
            "import refused: %d error(s); nothing was written%n",
            problems.stream().filter(Problem::isError).count());
        err.flush();
      }
      return 1;
    }

    for (QdpxImport.PendingSource s : sourceFiles) {
      if (!Files.exists(s.target())
          || !Files.readString(s.target(), StandardCharsets.UTF_8).equals(s.text())) {
        writeAtomically(s.target(), s.text());
        if (output.chatty()) {
          stdout.println("registered source text " + Workspace.shown(s.target()));
        }
      }
    }
    List<Path> written = new ArrayList<>();
    try (Progress progress = Progress.start(err, "importing", plan.size(), output.chatty())) {
      for (StudyFiles.Planned p : plan) {
        writeAtomically(p.file(), p.text());
        written.add(p.file());
        progress.advance(0);
      }
    }
    // Check what was written as validate would: schema, catalogue, verbatim quotes, SHACL.
    StudyPipeline.Result check = pipeline.validate(written);
    problems.addAll(check.problems());
    report(stdout, err, problems, plan, check);
    return check.hasErrors() ? 1 : 0;
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

  private static void writeAtomically(Path target, String text) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, ".import-", ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private void report(
      PrintWriter stdout,
      PrintWriter err,
      List<Problem> problems,
      List<StudyFiles.Planned> plan,
      StudyPipeline.Result check) {
    problems.sort(Problem.BY_PLACE);
    if (output.json) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("ok", problems.stream().noneMatch(Problem::isError));
      List<Map<String, Object>> files = new ArrayList<>();
      for (StudyFiles.Planned p : plan) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("study", p.draft().id());
        f.put("file", Workspace.shown(p.file()).toString());
        f.put("replaced", p.replaces());
        f.put("cmocs", p.draft().cmocs().size());
        f.put("evidence", p.draft().evidence().size());
        f.put("checks", p.draft().comments().size());
        f.put(
            "valid",
            check != null && check.valid().stream().anyMatch(x -> x.file().equals(p.file())));
        files.add(f);
      }
      o.put("files", files);
      o.put("problems", JsonOutput.problems(problems));
      JsonOutput.print(stdout, o);
      return;
    }
    Studies.printProblems(problems, err);
    err.flush();
    if (output.quiet || check == null) {
      return;
    }
    for (StudyFiles.Planned p : plan) {
      StudyDraft d = p.draft();
      boolean valid = check.valid().stream().anyMatch(x -> x.file().equals(p.file()));
      long errors =
          check.problems().stream().filter(x -> x.isError() && p.file().equals(x.file())).count();
      stdout.printf(
          "%s %s: study %s, %d CMOC(s), %d evidence item(s)%s; %s%n",
          p.replaces() ? "updated" : "wrote",
          Workspace.shown(p.file()),
          d.id(),
          d.cmocs().size(),
          d.evidence().size(),
          d.comments().isEmpty() ? "" : ", " + d.comments().size() + " line(s) marked CHECK",
          valid ? "it validates" : "validate found " + errors + " error(s) (above)");
    }
    stdout.flush();
  }
}
