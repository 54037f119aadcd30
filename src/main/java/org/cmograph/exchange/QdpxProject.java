package org.cmograph.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.cmograph.extraction.Position;
import org.cmograph.extraction.Problem;
import org.cmograph.util.StrictUtf8;

/**
 * A REFI-QDA project exchange file (.qdpx, as NVivo, ATLAS.ti and MAXQDA export it): a zip with
 * {@code project.qde} (XML: the codebook, the sources and the coded text selections) and the
 * sources' plain texts under {@code sources/}. Only what an extraction needs is kept: codes with
 * their paths in the codebook, text sources with their text, and each plain-text selection with its
 * character positions and codes.
 *
 * <p>Hostile files are refused, not trusted: the XML may declare no DTD (so no external entity is
 * ever read), and entries are read with size limits (no zip bombs) by name, never unpacked to disk.
 *
 * <pre>
 * Optional&lt;QdpxProject&gt; p = QdpxProject.read(Path.of("study.qdpx"), problems);
 * </pre>
 */
public final class QdpxProject {
  static final String PROJECT_ENTRY = "project.qde";

  static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;

  static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;

  static final int MAX_ENTRIES = 100_000;

  /**
   * A code of the codebook; {@code path} joins the names from the top, e.g. "Contexts/Rural areas".
   */
  public record Code(String guid, String name, String path, Position at) {}

  /** A source with a plain text; {@code text} is null when the project does not contain it. */
  public record TextSource(
      String guid,
      String name,
      String plainTextPath,
      String text,
      List<Selection> selections,
      Position at) {}

  /** A coded stretch of a source's plain text: characters [start, end), counted in code points. */
  public record Selection(
      String guid,
      String name,
      int start,
      int end,
      List<String> codeGuids,
      String description,
      Position at) {}

  private final Path file;

  private final Map<String, Code> codes;

  private final List<TextSource> sources;

  private QdpxProject(Path file, Map<String, Code> codes, List<TextSource> sources) {
    this.file = file;
    this.codes = codes;
    this.sources = sources;
  }

  public Path file() {
    return file;
  }

  /** Codes by GUID, in codebook order. */
  public Map<String, Code> codes() {
    return codes;
  }

  public List<TextSource> sources() {
    return sources;
  }

  /** Reads the project; on failure returns empty with the reasons in {@code problems}. */
  public static Optional<QdpxProject> read(Path file, List<Problem> problems) {
    try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
      Entries entries = new Entries(zip);
      ZipEntry project = entries.find(PROJECT_ENTRY);
      if (project == null) {
        problems.add(
            Problem.error(
                file,
                Position.START,
                "QDPX-NO-PROJECT",
                "the archive holds no project.qde; export the project as REFI-QDA (.qdpx)"));
        return Optional.empty();
      }
      byte[] xml = entries.read(project);
      QdpxXml parser = new QdpxXml(file, problems);
      parser.parse(xml);
      if (problems.stream().anyMatch(Problem::isError)) {
        return Optional.empty();
      }
      List<TextSource> sources = new ArrayList<>();
      for (TextSource s : parser.sources) {
        String text = s.text();
        if (text == null && s.plainTextPath() != null) {
          text = entries.text(s, problems);
        }
        sources.add(
            new TextSource(s.guid(), s.name(), s.plainTextPath(), text, s.selections(), s.at()));
      }
      return Optional.of(new QdpxProject(file, parser.codes, List.copyOf(sources)));
    } catch (ZipException e) {
      problems.add(
          Problem.error(
              file,
              Position.START,
              "QDPX-NOT-ZIP",
              "not a .qdpx (zip) archive: " + e.getMessage()));
    } catch (IOException e) {
      problems.add(
          Problem.error(file, Position.START, "UNREADABLE", "cannot read: " + e.getMessage()));
    } catch (TooLarge e) {
      problems.add(Problem.error(file, Position.START, "QDPX-TOO-LARGE", e.getMessage()));
    }
    return Optional.empty();
  }

  private static final class TooLarge extends RuntimeException {
    TooLarge(String message) {
      super(message);
    }
  }

  /** The archive's entries, read by name with size limits. */
  private static final class Entries {
    final ZipFile zip;
    final Map<String, ZipEntry> byLowerName = new LinkedHashMap<>();
    long total;

    Entries(ZipFile zip) {
      this.zip = zip;
      Enumeration<? extends ZipEntry> all = zip.entries();
      int n = 0;
      while (all.hasMoreElements()) {
        ZipEntry e = all.nextElement();
        if (++n > MAX_ENTRIES) {
          throw new TooLarge("the archive has more than " + MAX_ENTRIES + " entries");
        }
        byLowerName.putIfAbsent(e.getName().replace('\\', '/').toLowerCase(Locale.ROOT), e);
      }
    }

    ZipEntry find(String name) {
      return byLowerName.get(name.toLowerCase(Locale.ROOT));
    }

    byte[] read(ZipEntry e) throws IOException {
      try (InputStream in = zip.getInputStream(e)) {
        byte[] bytes = in.readNBytes((int) MAX_ENTRY_BYTES + 1);
        if (bytes.length > MAX_ENTRY_BYTES) {
          throw new TooLarge(e.getName() + " unpacks to more than " + MAX_ENTRY_BYTES + " bytes");
        }
        total += bytes.length;
        if (total > MAX_TOTAL_BYTES) {
          throw new TooLarge("the archive unpacks to more than " + MAX_TOTAL_BYTES + " bytes");
        }
        return bytes;
      }
    }

    /** A source's plain text, from {@code internal://NAME} (the archive's sources/ folder). */
    String text(TextSource s, List<Problem> problems) throws IOException {
      String path = s.plainTextPath();
      Path file = Path.of(zip.getName()).resolve(PROJECT_ENTRY);
      if (!path.startsWith("internal://")) {
        problems.add(
            Problem.warning(
                file,
                s.at(),
                "QDPX-EXTERNAL-SOURCE",
                "source '"
                    + s.name()
                    + "' is not inside the archive ("
                    + path
                    + "); export the project with its sources embedded"));
        return null;
      }
      String name = path.substring("internal://".length());
      ZipEntry e = find("sources/" + name);
      if (e == null || name.contains("..")) {
        problems.add(
            Problem.warning(
                file,
                s.at(),
                "QDPX-MISSING-SOURCE",
                "the plain text of source '"
                    + s.name()
                    + "' (sources/"
                    + name
                    + ") is not in the archive"));
        return null;
      }
      byte[] bytes = read(e);
      String text;
      try {
        text = StrictUtf8.decode(bytes);
      } catch (StrictUtf8.NotUtf8Exception notUtf8) {
        problems.add(
            Problem.warning(
                file,
                s.at(),
                "QDPX-MISSING-SOURCE",
                "the plain text of source '"
                    + s.name()
                    + "' is not UTF-8 (byte "
                    + notUtf8.offset()
                    + ")"));
        return null;
      }
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
  }
}
