package org.cmograph.extraction;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.cmograph.util.Hashes;

/**
 * Reads a YAML or JSON file into a tree that remembers the line and column of every node. It is
 * defensive: size, nesting and alias limits keep a hostile file from exhausting memory, and
 * encoding, syntax and duplicate-key mistakes become positioned problems.
 */
public final class DocumentReader {
  /**
   * Files above this size are refused before reading: the largest bundled extraction is 16 KB, and
   * the YAML parser needs about a second per MiB.
   */
  public static final long MAX_FILE_BYTES = 1024L * 1024;

  static final int MAX_DEPTH = 64;

  /**
   * Mappings with more keys are refused as they are read: a file of 100,000 keys would otherwise
   * cost seconds of schema checking to say the same thing 100,000 times.
   */
  static final int MAX_KEYS = 1000;

  /** Longer numbers are refused: turning digits into a number costs the square of their count. */
  static final int MAX_NUMBER_DIGITS = 1000;

  /**
   * YAML lines longer than this are refused before parsing: the YAML scanner slows down with the
   * square of a line's length (a 4 MB one-line quote takes 15 s), and no extraction needs it.
   */
  static final int MAX_LINE_CHARS = 100_000;

  private final JsonFactory yaml;
  private final JsonFactory json;

  public DocumentReader() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(20);
    // The parsers' own limits sit above ours, so the tree reports TOO-DEEP at its position.
    options.setNestingDepthLimit(2 * MAX_DEPTH);
    options.setCodePointLimit((int) MAX_FILE_BYTES);
    options.setAllowRecursiveKeys(false);
    StreamReadConstraints limits =
        StreamReadConstraints.builder()
            .maxNestingDepth(2 * MAX_DEPTH)
            .maxStringLength((int) MAX_FILE_BYTES)
            .maxNumberLength(MAX_NUMBER_DIGITS)
            .build();
    this.yaml = YAMLFactory.builder().loaderOptions(options).streamReadConstraints(limits).build();
    this.json = JsonFactory.builder().streamReadConstraints(limits).build();
  }

  /** True for the file names this reader accepts. */
  public static boolean isExtractionFile(Path file) {
    String name = file.getFileName().toString().toLowerCase();
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  /** Reads {@code file}; on failure returns empty and adds the reason to {@code problems}. */
  public Optional<PositionedDocument> read(Path file, List<Problem> problems) {
    byte[] bytes;
    try {
      if (Files.isSymbolicLink(file) && !Files.exists(file)) {
        problems.add(
            Problem.error(
                file,
                Position.START,
                "UNREADABLE",
                "symbolic link to " + Files.readSymbolicLink(file) + ", which does not exist"));
        return Optional.empty();
      }
      if (!Files.isRegularFile(file)) {
        // A pipe or a device (/dev/zero) would block or never end.
        problems.add(
            Problem.error(
                file,
                Position.START,
                "UNREADABLE",
                "not a regular file (a pipe, device or socket); name an extraction file"));
        return Optional.empty();
      }
      long size = Files.size(file);
      if (size <= MAX_FILE_BYTES) {
        try (InputStream in = Files.newInputStream(file)) {
          bytes = in.readNBytes((int) MAX_FILE_BYTES + 1); // bounded even if the file grows
        }
        size = Math.max(size, bytes.length);
      } else {
        bytes = null;
      }
      if (size > MAX_FILE_BYTES) {
        problems.add(tooLarge(file, size));
        return Optional.empty();
      }
    } catch (IOException e) {
      problems.add(
          Problem.error(file, Position.START, "UNREADABLE", "cannot read file: " + reason(e)));
      return Optional.empty();
    }
    Optional<String> text = decode(file, bytes, problems);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    return parse(file, text.get(), Hashes.sha256(bytes), problems);
  }

  /** Parses text already in memory (used by tests and by importers). */
  public Optional<PositionedDocument> parse(Path file, String text, List<Problem> problems) {
    if (text.length() > MAX_FILE_BYTES) {
      problems.add(tooLarge(file, text.length()));
      return Optional.empty();
    }
    return parse(file, text, Hashes.sha256(text.getBytes(StandardCharsets.UTF_8)), problems);
  }

  private static Problem tooLarge(Path file, long size) {
    return Problem.error(
        file,
        Position.START,
        "FILE-TOO-LARGE",
        "file is " + size + " bytes; extraction files are limited to " + MAX_FILE_BYTES + " bytes");
  }

  private Optional<PositionedDocument> parse(
      Path file, String text, String sha256, List<Problem> problems) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank() || onlyComments(text)) {
      problems.add(Problem.error(file, Position.START, "EMPTY-FILE", "file has no content"));
      return Optional.empty();
    }
    boolean isJson = file.getFileName().toString().toLowerCase().endsWith(".json");
    if (!isJson) {
      Optional<Problem> unfit = scanYamlText(file, text);
      if (unfit.isPresent()) {
        problems.add(unfit.get());
        return Optional.empty();
      }
    }
    Tree tree = new Tree(file, problems);
    try (JsonParser parser = (isJson ? json : yaml).createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        problems.add(Problem.error(file, Position.START, "EMPTY-FILE", "file has no content"));
        return Optional.empty();
      }
      JsonNode root = tree.value(parser, "", 0);
      if (parser.nextToken() != null) {
        problems.add(
            Problem.error(
                file,
                position(parser.currentTokenLocation()),
                "MULTIPLE-DOCUMENTS",
                "file holds more than one document; put one study per file"));
        return Optional.empty();
      }
      return Optional.of(
          new PositionedDocument(
              file, root, tree.valuePositions, tree.keyPositions, text, sha256));
    } catch (JsonProcessingException e) {
      problems.add(syntaxProblem(file, e, isJson, text));
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      problems.add(
          Problem.error(
              file,
              Position.START,
              isJson ? "JSON-SYNTAX" : "YAML-SYNTAX",
              "cannot parse: " + reason(e)));
      return Optional.empty();
    }
  }

  /**
   * Finds what the YAML scanner would choke on or report badly, in one pass: a character YAML does
   * not allow in a file (a control character pasted from a PDF), or a line long enough to make the
   * scanner slow.
   */
  private static Optional<Problem> scanYamlText(Path file, String text) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (c == '\n' || c == '\r') {
        if (i - lineStart > MAX_LINE_CHARS) {
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
    if (text.length() - lineStart > MAX_LINE_CHARS) {
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
            + MAX_LINE_CHARS
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
   * A character that has no place in text bound for the graph: a control character other than
   * tab and line breaks, half of a UTF-16 surrogate pair, or a noncharacter. Escapes such as
   * {@code "\x07"} or {@code "\uD800"} in a quoted YAML or JSON string produce them.
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

  private static boolean onlyComments(String text) {
    return text.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#"));
  }

  private static Problem syntaxProblem(
      Path file, JsonProcessingException e, boolean isJson, String text) {
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
            oneLine(problem + context)
                + unclosedQuoteHint(text, mark.getLine() + 1)
                + nonBreakingSpaceHint(text, mark.getLine() + 1));
      }
    }
    Position at = e.getLocation() == null ? Position.START : position(e.getLocation());
    String message = e.getOriginalMessage() == null ? "syntax error" : e.getOriginalMessage();
    if (e instanceof Refused refused) {
      code = refused.code;
    } else if (e instanceof AliasFound) {
      code = "YAML-ALIAS";
    } else if (message.startsWith("Expected a field name")) {
      message = "a mapping key must be plain text; a list, mapping or alias cannot be a key";
    } else if (message.toLowerCase().contains("nesting")) {
      code = "TOO-DEEP";
      message = "nesting deeper than " + MAX_DEPTH + " levels";
    }
    return Problem.error(file, at, code, oneLine(message));
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

  private static Optional<String> decode(Path file, byte[] bytes, List<Problem> problems) {
    if (bytes.length >= 2
        && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
            || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
      problems.add(
          Problem.error(
              file,
              Position.START,
              "INVALID-UTF8",
              "file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8"));
      return Optional.empty();
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        problems.add(
            Problem.error(
                file,
                positionOfByte(bytes, i),
                "BINARY-FILE",
                "file contains a NUL byte; it is not a text extraction file (or it is UTF-16: save"
                    + " it as UTF-8)"));
        return Optional.empty();
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      problems.add(
          Problem.error(
              file,
              positionOfByte(bytes, in.position()),
              "INVALID-UTF8",
              String.format(
                  "byte 0x%02X is not valid UTF-8; save the file as UTF-8",
                  bytes[in.position()] & 0xFF)));
      return Optional.empty();
    }
    decoder.flush(out);
    out.flip();
    return Optional.of(out.toString());
  }

  private static Position positionOfByte(byte[] bytes, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
    return new Position(line, before.codePointCount(0, before.length()) + 1);
  }

  static Position position(JsonLocation location) {
    int line = Math.max(1, location.getLineNr());
    int column = Math.max(1, location.getColumnNr());
    return new Position(line, column);
  }

  private static String reason(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : oneLine(e.getMessage());
  }

  private static String oneLine(String s) {
    String first = s.strip().lines().findFirst().orElse(s);
    return first.length() > 300 ? first.substring(0, 300) + "..." : first;
  }

  /** Builds the node tree from parser events, recording positions and duplicate keys. */
  private static final class Tree {
    final Path file;
    final List<Problem> problems;
    final Map<String, Position> valuePositions = new HashMap<>();
    final Map<String, Position> keyPositions = new HashMap<>();
    final JsonNodeFactory nodes = JsonNodeFactory.instance;
    /** Above zero while reading the value of a duplicate key, which is checked but not kept. */
    int discarding;

    Tree(Path file, List<Problem> problems) {
      this.file = file;
      this.problems = problems;
    }

    JsonNode value(JsonParser p, String pointer, int depth) throws IOException {
      Position at = position(p.currentTokenLocation());
      if (discarding == 0) {
        valuePositions.put(pointer, at);
      }
      if (depth > MAX_DEPTH) {
        throw new TooDeep(at);
      }
      JsonToken token = p.currentToken();
      switch (token) {
        case START_OBJECT:
          {
            ObjectNode object = nodes.objectNode();
            Map<String, Position> firstAt = new HashMap<>();
            int keys = 0;
            while (next(p) == JsonToken.FIELD_NAME) {
              if (++keys > MAX_KEYS) {
                throw new Refused(
                    position(p.currentTokenLocation()),
                    "TOO-MANY-KEYS",
                    "this mapping has more than "
                        + MAX_KEYS
                        + " keys; no part of an extraction has more than a few dozen");
              }
              String name = p.currentName();
              String child = PositionedDocument.child(pointer, name);
              Position keyAt = position(p.currentTokenLocation());
              checkCharacters(name, keyAt);
              next(p);
              Position first = firstAt.putIfAbsent(name, keyAt);
              if (first != null) {
                problems.add(
                    Problem.error(
                        file,
                        keyAt,
                        "DUPLICATE-KEY",
                        "key '"
                            + SchemaCheck.printable(name)
                            + "' appears twice in this mapping (first at line "
                            + first.line()
                            + ")"));
                discarding++;
                try {
                  value(p, child, depth + 1);
                } finally {
                  discarding--;
                }
              } else {
                if (discarding == 0) {
                  keyPositions.put(child, keyAt);
                }
                object.set(name, value(p, child, depth + 1));
              }
            }
            return object;
          }
        case START_ARRAY:
          {
            ArrayNode array = nodes.arrayNode();
            int index = 0;
            while (next(p) != JsonToken.END_ARRAY) {
              array.add(value(p, PositionedDocument.child(pointer, index++), depth + 1));
            }
            return array;
          }
        case VALUE_STRING:
          if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            // The YAML parser hands an alias over as its anchor's name: a silently wrong value.
            throw new AliasFound(at, p.getText());
          }
          checkCharacters(p.getText(), at);
          return nodes.textNode(p.getText());
        case VALUE_NUMBER_INT:
          return nodes.numberNode(p.getBigIntegerValue());
        case VALUE_NUMBER_FLOAT:
          return floatingPoint(p);
        case VALUE_TRUE:
          return nodes.booleanNode(true);
        case VALUE_FALSE:
          return nodes.booleanNode(false);
        case VALUE_NULL:
          return nodes.nullNode();
        default:
          return nodes.textNode(String.valueOf(p.getText()));
      }
    }

    /** The next token; a number too long to convert is refused where it stands. */
    private static JsonToken next(JsonParser p) throws IOException {
      try {
        return p.nextToken();
      } catch (StreamConstraintsException e) {
        throw new Refused(
            position(p.currentLocation()),
            "OUT-OF-RANGE",
            "a number longer than " + MAX_NUMBER_DIGITS + " digits; no field takes one");
      }
    }

    /** YAML's .nan and .inf have no decimal value; they stay text, which no number field takes. */
    private JsonNode floatingPoint(JsonParser p) throws IOException {
      try {
        return nodes.numberNode(p.getDecimalValue());
      } catch (JsonProcessingException | NumberFormatException e) {
        return nodes.textNode(p.getText());
      }
    }

    private void checkCharacters(String text, Position at) {
      unfitCharacter(text)
          .ifPresent(
              c ->
                  problems.add(
                      Problem.error(
                          file,
                          at,
                          "BAD-CHARACTER",
                          "text contains "
                              + c
                              + ", which cannot be stored in the graph; remove it")));
    }
  }

  /** Raised where reading must stop, with the code and message of the problem to report. */
  static class Refused extends JsonProcessingException {
    final String code;

    Refused(Position at, String code, String message) {
      super(message, new JsonLocation(null, -1, at.line(), at.column()));
      this.code = code;
    }
  }

  /** Raised at the first YAML alias ({@code *name}); reported as a positioned problem. */
  static final class AliasFound extends JsonProcessingException {
    AliasFound(Position at, String anchor) {
      super(
          "'*"
              + anchor
              + "' is a YAML alias; anchors and aliases (&name, *name) are not supported, as they"
              + " can blow a small file up to gigabytes: write the value out",
          new JsonLocation(null, -1, at.line(), at.column()));
    }
  }

  /** Raised when the tree is deeper than {@link #MAX_DEPTH}; reported as a positioned problem. */
  static final class TooDeep extends JsonProcessingException {
    TooDeep(Position at) {
      super(
          "nesting deeper than " + MAX_DEPTH + " levels",
          new JsonLocation(null, -1, at.line(), at.column()));
    }
  }
}
