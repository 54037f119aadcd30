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

  /**
   * {@code FILE:LINE:COL: CODE message}, the form editors and CI logs can jump to. Always one line:
   * a line break or other control character in a file name (or a message) is written as an escape
   * ({@code \n}, {@code \x1B}), so a file cannot forge lines of its own; ordinary names are printed
   * as they are.
   */
  public String format() {
    String where = file == null ? "-" : escaped(file.toString());
    String level = severity == Severity.WARNING ? "warning " : "";
    return where + ":" + line + ":" + column + ": " + level + code + " " + escaped(message);
  }

  /**
   * {@code text} with every control character, line or paragraph separator and bidirectional
   * override written as an escape, so it prints on one line and shows what it holds; text without
   * them is returned unchanged.
   */
  public static String escaped(String text) {
    if (text == null || text.codePoints().noneMatch(Problem::needsEscape)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 8);
    text.codePoints()
        .forEach(
            c -> {
              if (!needsEscape(c)) {
                out.appendCodePoint(c);
              } else if (c == '\n') {
                out.append("\\n");
              } else if (c == '\r') {
                out.append("\\r");
              } else if (c == '\t') {
                out.append("\\t");
              } else if (c <= 0xFF) {
                out.append(String.format("\\x%02X", c));
              } else {
                out.append(String.format("\\u%04X", c));
              }
            });
    return out.toString();
  }

  private static boolean needsEscape(int c) {
    return Character.isISOControl(c)
        || c == 0x2028
        || c == 0x2029
        || (c >= 0x202A && c <= 0x202E) // bidirectional embeddings and overrides
        || (c >= 0x2066 && c <= 0x2069); // bidirectional isolates
  }

  @Override
  public String toString() {
    return format();
  }
}
