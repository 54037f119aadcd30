package org.cmograph.extraction;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * One thing wrong (or worth a warning) in an input file, with the place it stands. Problems are
 * collected, never thrown, so a user sees every mistake of every file in one run.
 */
public record Problem(
    Path file, int line, int column, Severity severity, String code, String message) {

  /** Whether a problem stops a load (error) or is only reported (warning). */
  public enum Severity {
    ERROR,
    WARNING
  }

  public static Problem error(Path file, Position at, String code, String message) {
    return new Problem(file, at.line(), at.column(), Severity.ERROR, code, message);
  }

  public static Problem warning(Path file, Position at, String code, String message) {
    return new Problem(file, at.line(), at.column(), Severity.WARNING, code, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** Orders problems by file, then position, then code, so output is stable. */
  public static final Comparator<Problem> BY_PLACE =
      Comparator.comparing((Problem p) -> String.valueOf(p.file()))
          .thenComparingInt(Problem::line)
          .thenComparingInt(Problem::column)
          .thenComparing(Problem::code)
          .thenComparing(Problem::message);

  /** {@code FILE:LINE:COL: CODE message}, the form editors and CI logs can jump to. */
  public String format() {
    String where = file == null ? "-" : file.toString();
    String level = severity == Severity.WARNING ? "warning " : "";
    return where + ":" + line + ":" + column + ": " + level + code + " " + message;
  }

  @Override
  public String toString() {
    return format();
  }
}
