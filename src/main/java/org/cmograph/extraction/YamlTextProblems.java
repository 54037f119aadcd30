package org.cmograph.extraction;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * What is wrong with a document's text, said where and how to fix it: characters YAML does not
 * allow, lines too long to parse in good time, and syntax errors with hints for their usual causes
 * (a quote left open, indentation with no-break spaces).
 */
final class YamlTextProblems {
  private YamlTextProblems() {}

  /**
   * Finds what the YAML scanner would choke on or report badly, in one pass: a character YAML does
   * not allow in a file (a control character pasted from a PDF), or a line long enough to make the
   * scanner slow.
   */
  static Optional<Problem> scanYamlText(Path file, String text) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (c == '\n' || c == '\r') {
        if (i - lineStart > DocumentReader.MAX_LINE_CHARS) {
          return Optional.of(lineTooLong(file, line, i - lineStart));
        }
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        line++;
        lineStart = i + 1;
      } else if (!yamlPrintable(c)) {
        String before = text.substring(lineStart, i);
        return Optional.of(
            Problem.error(
                file,
                new Position(line, before.codePointCount(0, before.length()) + 1),
                "BAD-CHARACTER",
                describeCharacter(c) + " is not allowed in a YAML file; delete it"));
      }
      i += Character.charCount(c);
    }
    if (text.length() - lineStart > DocumentReader.MAX_LINE_CHARS) {
      return Optional.of(lineTooLong(file, line, text.length() - lineStart));
    }
    return Optional.empty();
  }

  private static Problem lineTooLong(Path file, int line, int length) {
    return Problem.error(
        file,
        new Position(line, 1),
        "LINE-TOO-LONG",
        "line is "
            + length
            + " characters long; YAML lines are limited to "
            + DocumentReader.MAX_LINE_CHARS
            + " (break long text over several lines with a folded block, '>-')");
  }

  /** The characters YAML 1.1 allows in a stream (its c-printable set). */
  private static boolean yamlPrintable(int c) {
    return c == 0x9
        || c == 0xA
        || c == 0xD
        || (c >= 0x20 && c <= 0x7E)
        || c == 0x85
        || (c >= 0xA0 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }

  /**
   * A character that has no place in text bound for the graph: a control character other than tab
   * and line breaks, half of a UTF-16 surrogate pair, or a noncharacter. Escapes such as {@code
   * "\x07"} or {@code "\uD800"} in a quoted YAML or JSON string produce them.
   */
  static Optional<String> unfitCharacter(String s) {
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      if ((Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')
          || Character.getType(c) == Character.SURROGATE
          || c == 0xFFFE
          || c == 0xFFFF) {
        return Optional.of(describeCharacter(c));
      }
      i += Character.charCount(c);
    }
    return Optional.empty();
  }

  private static String describeCharacter(int c) {
    String code = String.format("U+%04X", c);
    if (Character.getType(c) == Character.SURROGATE) {
      return "the unpaired surrogate " + code + " (half of a UTF-16 pair, not a character)";
    }
    if (Character.isISOControl(c)) {
      return "the control character " + code;
    }
    String name = Character.getName(c);
    return "the character " + code + (name == null ? "" : " " + name);
  }

  static Problem syntaxProblem(Path file, JsonProcessingException e, boolean isJson, String text) {
    String code = isJson ? "JSON-SYNTAX" : "YAML-SYNTAX";
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
        Mark mark = marked.getProblemMark();
        String problem = marked.getProblem() == null ? "syntax error" : marked.getProblem();
        if (problem.startsWith("mapping values are not allowed")) {
          problem += "; quote text that contains ': ', and line up the keys of one mapping";
        }
        String context = marked.getContext() == null ? "" : " (" + marked.getContext() + ")";
        return Problem.error(
            file,
            new Position(mark.getLine() + 1, mark.getColumn() + 1),
            code,
            DocumentReader.oneLine(problem + context)
                + unclosedQuoteHint(text, mark.getLine() + 1)
                + nonBreakingSpaceHint(text, mark.getLine() + 1));
      }
    }
    Position at =
        e.getLocation() == null ? Position.START : DocumentReader.position(e.getLocation());
    String message = e.getOriginalMessage() == null ? "syntax error" : e.getOriginalMessage();
    if (e instanceof DocumentTree.Refused refused) {
      code = refused.code;
    } else if (e instanceof DocumentTree.AliasFound) {
      code = "YAML-ALIAS";
    } else if (message.startsWith("Expected a field name")) {
      message = "a mapping key must be plain text; a list, mapping or alias cannot be a key";
    } else if (message.toLowerCase().contains("nesting")) {
      code = "TOO-DEEP";
      message = "nesting deeper than " + DocumentReader.MAX_DEPTH + " levels";
    }
    return Problem.error(file, at, code, DocumentReader.oneLine(message));
  }

  private static final Pattern QUOTED_VALUE =
      Pattern.compile("^\\s*(?:-\\s+)*(?:[^\\s#'\"\\[{][^#]*?:\\s+)?([\"'])");

  /**
   * A quote left open makes the YAML parser fail far below it, where the next quote character
   * closes it. Follows quoted values line by line and, if one is still open when the error line
   * starts, says where it was opened.
   */
  static String unclosedQuoteHint(String text, int errorLine) {
    String[] lines = text.split("\\R", -1);
    char open = 0;
    int openLine = 0;
    int openColumn = 0;
    for (int i = 0; i < Math.min(errorLine - 1, lines.length); i++) {
      String line = lines[i];
      int from;
      if (open == 0) {
        Matcher m = QUOTED_VALUE.matcher(line);
        if (!m.find()) {
          continue;
        }
        open = line.charAt(m.start(1));
        openLine = i + 1;
        openColumn = line.codePointCount(0, m.start(1)) + 1;
        from = m.start(1) + 1;
      } else {
        from = 0;
      }
      if (closes(line, from, open)) {
        open = 0;
      }
    }
    return open == 0
        ? ""
        : "; is the quote opened at line " + openLine + ", column " + openColumn + " closed?";
  }

  /** Text pasted from a web page or a PDF may indent with U+00A0, which YAML takes as text. */
  private static String nonBreakingSpaceHint(String text, int errorLine) {
    String[] lines = text.split("\\R", -1);
    for (int i = Math.max(0, errorLine - 2); i < Math.min(errorLine, lines.length); i++) {
      if (lines[i].indexOf('\u00A0') >= 0) {
        return "; line "
            + (i + 1)
            + " holds a non-breaking space (U+00A0), which YAML does not count as indentation";
      }
    }
    return "";
  }

  /** Whether {@code quote} closes in {@code line} at or after {@code from} (YAML escapes). */
  private static boolean closes(String line, int from, char quote) {
    for (int i = from; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote == '"' && c == '\\') {
        i++;
      } else if (c == quote) {
        if (quote == '\'' && i + 1 < line.length() && line.charAt(i + 1) == '\'') {
          i++;
        } else {
          return true;
        }
      }
    }
    return false;
  }
}
