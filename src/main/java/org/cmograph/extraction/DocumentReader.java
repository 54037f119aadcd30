package org.cmograph.extraction;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
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
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a YAML or JSON file into a tree that remembers the line and column of every node. It is
 * defensive: size, nesting and alias limits keep a hostile file from exhausting memory, and
 * encoding, syntax and duplicate-key mistakes become positioned problems.
 */
public final class DocumentReader {
  /** Files above this size are refused before reading: no real extraction comes near it. */
  public static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

  static final int MAX_DEPTH = 64;

  private final JsonFactory yaml;
  private final JsonFactory json;

  public DocumentReader() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(20);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit((int) MAX_FILE_BYTES);
    options.setAllowRecursiveKeys(false);
    StreamReadConstraints limits =
        StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxStringLength((int) MAX_FILE_BYTES)
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
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        problems.add(
            Problem.error(
                file,
                Position.START,
                "FILE-TOO-LARGE",
                "file is "
                    + size
                    + " bytes; extraction files are limited to "
                    + MAX_FILE_BYTES
                    + " bytes"));
        return Optional.empty();
      }
      bytes = Files.readAllBytes(file);
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
    return parse(file, text, Hashes.sha256(text.getBytes(StandardCharsets.UTF_8)), problems);
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
      problems.add(syntaxProblem(file, e, isJson));
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

  private static Problem syntaxProblem(Path file, JsonProcessingException e, boolean isJson) {
    String code = isJson ? "JSON-SYNTAX" : "YAML-SYNTAX";
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
        Mark mark = marked.getProblemMark();
        String problem = marked.getProblem() == null ? "syntax error" : marked.getProblem();
        String context = marked.getContext() == null ? "" : " (" + marked.getContext() + ")";
        return Problem.error(
            file,
            new Position(mark.getLine() + 1, mark.getColumn() + 1),
            code,
            oneLine(problem + context));
      }
    }
    Position at = e.getLocation() == null ? Position.START : position(e.getLocation());
    String message = e.getOriginalMessage() == null ? "syntax error" : e.getOriginalMessage();
    if (message.contains("aliases")) {
      code = "YAML-ALIAS-LIMIT";
    } else if (message.toLowerCase().contains("nesting")) {
      code = "TOO-DEEP";
      message = "nesting deeper than " + MAX_DEPTH + " levels";
    }
    return Problem.error(file, at, code, oneLine(message));
  }

  private static Optional<String> decode(Path file, byte[] bytes, List<Problem> problems) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        problems.add(
            Problem.error(
                file,
                positionOfByte(bytes, i),
                "BINARY-FILE",
                "file contains a NUL byte; it is not a text extraction file"));
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

    Tree(Path file, List<Problem> problems) {
      this.file = file;
      this.problems = problems;
    }

    JsonNode value(JsonParser p, String pointer, int depth) throws IOException {
      Position at = position(p.currentTokenLocation());
      valuePositions.put(pointer, at);
      if (depth > MAX_DEPTH) {
        throw new TooDeep(at);
      }
      JsonToken token = p.currentToken();
      switch (token) {
        case START_OBJECT:
          {
            ObjectNode object = nodes.objectNode();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String name = p.currentName();
              String child = PositionedDocument.child(pointer, name);
              Position keyAt = position(p.currentTokenLocation());
              p.nextToken();
              if (object.has(name)) {
                problems.add(
                    Problem.error(
                        file,
                        keyAt,
                        "DUPLICATE-KEY",
                        "key '"
                            + name
                            + "' appears twice in this mapping (first at line "
                            + keyPositions.get(child).line()
                            + ")"));
                Map<String, Position> keep = new HashMap<>(valuePositions);
                value(p, child, depth + 1);
                valuePositions.clear();
                valuePositions.putAll(keep);
              } else {
                keyPositions.put(child, keyAt);
                object.set(name, value(p, child, depth + 1));
              }
            }
            return object;
          }
        case START_ARRAY:
          {
            ArrayNode array = nodes.arrayNode();
            int index = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
              array.add(value(p, PositionedDocument.child(pointer, index++), depth + 1));
            }
            return array;
          }
        case VALUE_STRING:
          return nodes.textNode(p.getText());
        case VALUE_NUMBER_INT:
          return nodes.numberNode(p.getBigIntegerValue());
        case VALUE_NUMBER_FLOAT:
          return nodes.numberNode(p.getDecimalValue());
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
