package org.cmograph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cmograph.extraction.ExtractionValidator;
import org.cmograph.extraction.Problem;
import org.cmograph.extraction.migrate.Migration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cmograph migrate PATH...}: first-format extraction files to format 2, in place. Every file
 * is converted in memory first; if one cannot be read or parsed, none is written.
 */
@Command(
    name = "migrate",
    description =
        "Convert first-format extraction files and programme theories to format 2 in place,"
            + " marking each decision to check with a '# CHECK' comment.")
final class MigrateCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Files or folders (.yaml, .yml, .json)")
  List<Path> paths;

  @Mixin SourcesOption sourcesOption;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<Problem> problems = new ArrayList<>();
    List<Path> files = new ArrayList<>(ExtractionValidator.expand(paths, problems));
    // The programme theory is migrated too (ExtractionValidator leaves it to the theory checks).
    files.addAll(org.cmograph.rdf.TheoryPipeline.theoryFiles(paths));
    java.util.Set<String> mechanisms =
        org.cmograph.rdf.ReferenceData.load(Workspace.current().ontologyDir())
            .concepts()
            .conceptIds();
    Migration migration = new Migration(sourcesOption.sources, mechanisms::contains);
    List<Migration.Result> results = new ArrayList<>();
    for (Path file : files) {
      Migration.Result r = migration.migrate(file);
      problems.addAll(r.problems());
      results.add(r);
    }
    if (!problems.isEmpty()) {
      problems.sort(Problem.BY_PLACE);
      Studies.printProblems(problems, out);
      out.printf("nothing written: %d file(s) could not be migrated%n", failedFiles(problems));
      out.println("each code is explained in docs/errors.md");
      out.flush();
      return 1;
    }
    int migrated = 0;
    int marks = 0;
    for (Migration.Result r : results) {
      Path shown = Workspace.shown(r.file());
      switch (r.outcome()) {
        case ALREADY_FORMAT_2 -> out.printf("%s: already format 2, left as it is%n", shown);
        case NOT_AN_EXTRACTION -> out.printf("%s: not an extraction file, left as it is%n", shown);
        case MIGRATED -> {
          writeAtomically(r.file(), r.text());
          migrated++;
          if (r.json()) {
            out.printf(
                "%s: migrated to format 2 (JSON, which has no comments: %d decision(s) to check,"
                    + " listed below, could not be marked in the file)%n",
                shown, r.unmarked().size());
            for (String check : r.unmarked()) {
              out.printf("  %s%n", check);
            }
          } else {
            out.printf("%s: migrated to format 2, %d # CHECK mark(s)%n", shown, r.marks());
            marks += r.marks();
          }
        }
        case FAILED -> throw new IllegalStateException("failed results stop before writing");
      }
    }
    out.printf(
        "%d file(s) migrated, %d left as they were; %d # CHECK mark(s) to review (grep -n '# CHECK')%n",
        migrated, results.size() - migrated, marks);
    out.flush();
    return 0;
  }

  private static long failedFiles(List<Problem> problems) {
    return problems.stream().map(Problem::file).distinct().count();
  }

  /**
   * Writes beside the file, then moves over it, so a crash leaves the old or the new file whole.
   */
  private static void writeAtomically(Path file, String text) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(folder, "." + file.getFileName() + ".", ".migrating");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
