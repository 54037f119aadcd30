package org.cmograph.extraction.sources;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Registers a source text from the file a researcher has (PDF, JATS XML, HTML or plain text): it
 * writes {@code ID.txt} and its map {@code ID.map.json} into the sources folder, both or neither,
 * and never over an existing id unless told to.
 *
 * <pre>
 * SourceRegistry.Registered r =
 *     new SourceRegistry(Path.of("data/sources")).register(Path.of("paper.pdf"), "smith-2023", false);
 * </pre>
 */
public final class SourceRegistry {
  /** Larger files are refused: no article needs more, and reading one must not exhaust memory. */
  public static final long MAX_BYTES = 200L * 1024 * 1024;

  private final Path folder;

  public SourceRegistry(Path folder) {
    this.folder = folder;
  }

  /** The kinds of file a source is registered from. */
  public enum Format {
    PDF,
    JATS,
    HTML,
    TEXT
  }

  /** What was written, and what was found. */
  public record Registered(Path text, Path map, Format format, ExtractedSource source) {}

  /** Reads a file without writing anything (what {@link #register} would write). */
  public static ExtractedSource read(Path file) throws IOException, UnreadableSourceException {
    if (!Files.isRegularFile(file)) {
      throw new UnreadableSourceException(file + " is not a file");
    }
    if (Files.size(file) > MAX_BYTES) {
      throw new UnreadableSourceException(
          file.getFileName() + " is larger than " + (MAX_BYTES >> 20) + " MiB");
    }
    return switch (formatOf(file)) {
      case PDF -> new PdfSourceReader().read(file);
      case JATS -> new JatsSourceReader().read(file);
      case HTML -> new HtmlSourceReader().read(file);
      case TEXT -> new PlainSourceReader().read(file);
    };
  }

  public Registered register(Path file, String id, boolean force)
      throws IOException, UnreadableSourceException {
    Path text = folder.resolve(id + ".txt");
    Path map = SourceMap.fileFor(text);
    if (!force && (Files.exists(text) || Files.exists(map))) {
      throw new FileAlreadyExistsException(
          text.toString(), null, "source '" + id + "' is already registered");
    }
    ExtractedSource source = read(file);
    if (source.text().isBlank()) {
      throw new UnreadableSourceException(file.getFileName() + " has no text to register");
    }
    Files.createDirectories(folder);
    Path tmpText = Files.createTempFile(folder, "." + id + ".", ".txt.tmp");
    Path tmpMap = Files.createTempFile(folder, "." + id + ".", ".map.tmp");
    Path oldText = null;
    Path oldMap = null;
    String body = source.text().endsWith("\n") ? source.text() : source.text() + "\n";
    ExtractedSource written = new ExtractedSource(body, source.map().withCharacters(body.length()));
    try {
      Files.writeString(tmpText, written.text(), StandardCharsets.UTF_8);
      Files.writeString(tmpMap, written.map().toJson(), StandardCharsets.UTF_8);
      // Old files step aside first, so a failure between the two moves can put them back.
      if (Files.exists(text)) {
        oldText = move(text, Files.createTempFile(folder, "." + id + ".", ".txt.old"));
      }
      if (Files.exists(map)) {
        oldMap = move(map, Files.createTempFile(folder, "." + id + ".", ".map.old"));
      }
      try {
        move(tmpText, text);
        move(tmpMap, map);
      } catch (IOException e) {
        Files.deleteIfExists(text);
        Files.deleteIfExists(map);
        if (oldText != null) {
          move(oldText, text);
          oldText = null;
        }
        if (oldMap != null) {
          move(oldMap, map);
          oldMap = null;
        }
        throw e;
      }
    } finally {
      Files.deleteIfExists(tmpText);
      Files.deleteIfExists(tmpMap);
      if (oldText != null) {
        Files.deleteIfExists(oldText);
      }
      if (oldMap != null) {
        Files.deleteIfExists(oldMap);
      }
    }
    return new Registered(text, map, formatOf(file), written);
  }

  private static Path move(Path from, Path to) throws IOException {
    try {
      return Files.move(
          from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      return Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** By the file's first bytes, then by its name. */
  public static Format formatOf(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(1024);
    }
    String start =
        new String(head, StandardCharsets.ISO_8859_1)
            .stripLeading()
            .replaceFirst("^\u00EF\u00BB\u00BF", "")
            .toLowerCase(Locale.ROOT);
    if (start.startsWith("%pdf-")) {
      return Format.PDF;
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".pdf")) {
      return Format.PDF; // not a PDF inside: the PDF reader says so
    }
    if (start.startsWith("<!doctype html")
        || start.startsWith("<html")
        || name.endsWith(".html")
        || name.endsWith(".htm")
        || name.endsWith(".xhtml")) {
      return Format.HTML;
    }
    if (start.startsWith("<?xml")
        || start.startsWith("<!doctype article")
        || start.startsWith("<article")
        || name.endsWith(".xml")
        || name.endsWith(".nxml")) {
      return Format.JATS;
    }
    return Format.TEXT;
  }
}
