package org.cmograph.exchange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cmograph.extraction.Problem;

/**
 * What an {@link ImportService} import did: whether it wrote anything, every problem found (the
 * import's and, when it wrote, the check's; sorted by file and place), and the files written.
 *
 * @param written false when the input had an error and nothing was written
 * @param files the extraction files written, in the order of the studies in the input
 * @param registeredSources source texts written under the sources folder (a project's)
 */
public record ImportReport(
    boolean written, List<Problem> problems, List<Written> files, List<Path> registeredSources) {

  /**
   * One extraction file written.
   *
   * @param draft the study it holds
   * @param replaced true when it replaced part of an existing file
   * @param valid true when it passed the check
   * @param errors the check's errors in this file
   */
  public record Written(
      StudyDraft draft, Path file, boolean replaced, boolean valid, long errors) {}

  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }

  public long errorCount() {
    return problems.stream().filter(Problem::isError).count();
  }

  static ImportReport refused(List<Problem> problems) {
    return new ImportReport(false, sorted(problems), List.of(), List.of());
  }

  static ImportReport written(List<Problem> problems, List<Written> files, List<Path> sources) {
    return new ImportReport(true, sorted(problems), List.copyOf(files), List.copyOf(sources));
  }

  private static List<Problem> sorted(List<Problem> problems) {
    List<Problem> out = new ArrayList<>(problems);
    out.sort(Problem.BY_PLACE);
    return List.copyOf(out);
  }
}
