package org.cmograph.extraction;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cmograph.util.Hashes;
import org.cmograph.util.StrictUtf8;
import org.yaml.snakeyaml.LoaderOptions;

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

  final JsonFactory yaml;

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
      Optional<Problem> unfit = YamlTextProblems.scanYamlText(file, text);
      if (unfit.isPresent()) {
        problems.add(unfit.get());
        return Optional.empty();
      }
    }
    DocumentTree tree = new DocumentTree(file, problems);
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
          new PositionedDocument(file, root, tree.valuePositions, tree.keyPositions, text, sha256));
    } catch (JsonProcessingException e) {
      problems.add(YamlTextProblems.syntaxProblem(file, e, isJson, text));
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

  private static boolean onlyComments(String text) {
    return text.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#"));
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
    try {
      return Optional.of(StrictUtf8.decode(bytes));
    } catch (StrictUtf8.NotUtf8Exception e) {
      problems.add(
          Problem.error(
              file,
              positionOfByte(bytes, e.offset()),
              "INVALID-UTF8",
              String.format(
                  "byte 0x%02X is not valid UTF-8; save the file as UTF-8",
                  bytes[e.offset()] & 0xFF)));
      return Optional.empty();
    }
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

  static String oneLine(String s) {
    String first = s.strip().lines().findFirst().orElse(s);
    return first.length() > 300 ? first.substring(0, 300) + "..." : first;
  }
}
