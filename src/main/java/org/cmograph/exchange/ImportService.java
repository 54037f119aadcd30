package org.cmograph.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cmograph.extraction.ConceptLabels;
import org.cmograph.extraction.Position;
import org.cmograph.extraction.Problem;
import org.cmograph.extraction.SheetLayout;

/**
 * {@code cmograph import} without the command line: reads a spreadsheet or a coded REFI-QDA project
 * into study drafts, plans their extraction files, writes them (and a project's source text) only
 * when nothing has an error, then checks what it wrote as {@code validate} would. It returns an
 * {@link ImportReport} for the caller to print.
 *
 * <p>The check is handed in: it is the study pipeline (schema, catalogue, verbatim quotes, SHACL),
 * which lives in {@code rdf}, above this package; the command line, which knows both, joins them.
 *
 * <pre>
 * ImportReport r = new ImportService(labels, files -> pipeline.validate(files)...).run(request, listener);
 * </pre>
 */
public final class ImportService {
  /** Checks written extraction files: their problems, and which of them passed. */
  @FunctionalInterface
  public interface Check {
    Checked check(List<Path> files);
  }

  /** What a {@link Check} found. */
  public record Checked(List<Problem> problems, Set<Path> valid) {}

  /** What a caller may show while files are written (a progress bar); may be ignored. */
  public interface Listener {
    /** Writing starts: {@code files} extraction files will be reported by {@link #wrote}. */
    default void writing(int files) {}

    default void wrote(Path file) {}

    /** Every file is written; the check starts. */
    default void checking() {}
  }

  /**
   * One import.
   *
   * @param file the .csv, .xlsx or .qdpx file
   * @param studies the studies to take (empty: all the file has)
   * @param mapping sheet headers read as columns of the layout
   * @param sheet the workbook sheet, or null for the first
   * @param codes the code mapping of a .qdpx project, or null
   * @param sourcesDir where a project's source text is registered
   * @param files where the extraction files go and what a new one says
   */
  public record Request(
      Path file,
      Set<String> studies,
      Map<String, SheetLayout.Column> mapping,
      String sheet,
      Path codes,
      Path sourcesDir,
      StudyFiles.Settings files) {}

  private final ConceptLabels labels;
  private final Check check;

  public ImportService(ConceptLabels labels, Check check) {
    this.labels = labels;
    this.check = check;
  }

  /** True for a file this service can import (.qdpx, or a spreadsheet). */
  public static boolean importable(Path file) {
    return isProject(file) || SheetReader.isSpreadsheet(file);
  }

  public static boolean isProject(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".qdpx");
  }

  public ImportReport run(Request r, Listener listener) throws IOException {
    List<Problem> problems = new ArrayList<>();
    List<StudyDraft> drafts = new ArrayList<>();
    List<PendingSource> sources = new ArrayList<>();
    if (!Files.isRegularFile(r.file())) {
      problems.add(Problem.error(r.file(), Position.START, "NOT-FOUND", "no such file"));
    } else if (isProject(r.file())) {
      project(r, problems, sources).ifPresent(drafts::add);
    } else {
      Optional<Sheet> table = new SheetReader().read(r.file(), r.sheet(), problems);
      if (table.isPresent()) {
        SheetImporter.Result result =
            new SheetImporter(labels)
                .read(table.get(), new SheetImporter.Options(r.studies(), r.mapping()));
        problems.addAll(result.problems());
        drafts.addAll(result.studies());
      }
    }
    List<StudyFiles.Planned> plan = List.of();
    if (problems.stream().noneMatch(Problem::isError)) {
      plan = StudyFiles.plan(drafts, r.files(), problems);
    }
    if (problems.stream().anyMatch(Problem::isError)) {
      return ImportReport.refused(problems);
    }
    List<Path> registered = new ArrayList<>();
    for (PendingSource s : sources) {
      if (!Files.exists(s.target())
          || !Files.readString(s.target(), StandardCharsets.UTF_8).equals(s.text())) {
        writeAtomically(s.target(), s.text());
        registered.add(s.target());
      }
    }
    listener.writing(plan.size());
    List<Path> written = new ArrayList<>();
    for (StudyFiles.Planned p : plan) {
      writeAtomically(p.file(), p.text());
      written.add(p.file());
      listener.wrote(p.file());
    }
    listener.checking();
    // Check what was written as validate would: schema, catalogue, verbatim quotes, SHACL.
    Checked checked = check.check(written);
    problems.addAll(checked.problems());
    List<ImportReport.Written> files = new ArrayList<>();
    for (StudyFiles.Planned p : plan) {
      long errors =
          checked.problems().stream().filter(x -> x.isError() && p.file().equals(x.file())).count();
      files.add(
          new ImportReport.Written(
              p.draft(), p.file(), p.replaces(), checked.valid().contains(p.file()), errors));
    }
    return ImportReport.written(problems, files, registered);
  }

  /** A source text to register, and where. */
  private record PendingSource(Path target, String text) {}

  /** The .qdpx branch: project + code mapping → one study draft and its source text. */
  private Optional<StudyDraft> project(
      Request r, List<Problem> problems, List<PendingSource> pending) {
    Path file = r.file();
    if (r.codes() == null) {
      problems.add(
          Problem.error(
              file,
              Position.START,
              "QDPX-NO-MAPPING",
              "a .qdpx import needs --codes MAPPING.yaml, saying which codes are which contexts,"
                  + " mechanisms and outcomes (see docs/extraction-guide.md)"));
      return Optional.empty();
    }
    if (r.studies().size() > 1) {
      problems.add(
          Problem.error(
              file,
              Position.START,
              "QDPX-STUDY",
              "a .qdpx project is imported as one study; give one --study"));
      return Optional.empty();
    }
    Optional<QdpxProject> project = QdpxProject.read(file, problems);
    if (project.isEmpty()) {
      return Optional.empty();
    }
    QdpxImporter.Result result =
        new QdpxImporter(labels)
            .read(
                project.get(),
                r.codes(),
                r.studies().isEmpty() ? null : r.studies().iterator().next());
    problems.addAll(result.problems());
    if (result.draft() == null) {
      return Optional.empty();
    }
    Path target = r.sourcesDir().resolve(result.source().name());
    try {
      if (Files.exists(target)
          && !Files.readString(target, StandardCharsets.UTF_8).equals(result.source().text())
          && !r.files().force()) {
        problems.add(
            Problem.error(
                target,
                Position.START,
                "QDPX-SOURCE-EXISTS",
                "a different text is already registered under this name; add --force to replace it"
                    + " (quotes of other studies that use it are then checked against the new"
                    + " text)"));
        return Optional.empty();
      }
    } catch (IOException e) {
      problems.add(
          Problem.error(target, Position.START, "UNREADABLE", "cannot read: " + e.getMessage()));
      return Optional.empty();
    }
    pending.add(new PendingSource(target, result.source().text()));
    return Optional.of(result.draft());
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
}
