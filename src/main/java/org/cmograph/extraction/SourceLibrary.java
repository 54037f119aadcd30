package org.cmograph.extraction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cmograph.extraction.sources.SourceMap;
import org.cmograph.util.Hashes;
import org.cmograph.util.StrictUtf8;

/**
 * Finds and caches registered source texts. A study names a file; the library looks for it in an
 * explicit sources folder if one is given, else in a {@code sources/} folder beside the extraction
 * file, beside its folder, or one level further up (so {@code data/studies/x.yaml} finds {@code
 * data/sources/}).
 */
public final class SourceLibrary {
  /** Texts kept in memory; a source is usually shared by a few neighbouring studies at most. */
  static final int CACHED_TEXTS = 256;

  private final Path explicitFolder;

  /**
   * Least recently used texts are dropped, so ten thousand sources need no more memory than 256.
   */
  private final Map<Path, Entry> cache =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Path, Entry> eldest) {
              return size() > CACHED_TEXTS;
            }
          });

  private record Entry(SourceText text, String sha256) {}

  public SourceLibrary(Path explicitFolder) {
    this.explicitFolder = explicitFolder;
  }

  /** The folders searched for {@code extractionFile}'s sources, in order. */
  public List<Path> foldersFor(Path extractionFile) {
    List<Path> folders = new ArrayList<>();
    if (explicitFolder != null) {
      folders.add(explicitFolder);
      return folders;
    }
    Path dir = extractionFile.toAbsolutePath().normalize().getParent();
    for (int up = 0; up < 3 && dir != null; up++, dir = dir.getParent()) {
      folders.add(dir.resolve("sources"));
    }
    return folders;
  }

  /** Resolves a source file name for an extraction file, if it exists. */
  public Optional<Path> locate(Path extractionFile, String name) {
    for (Path folder : foldersFor(extractionFile)) {
      Path candidate = folder.resolve(name).normalize();
      if (candidate.startsWith(folder.normalize()) && Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * Reads (once while cached) the text of a located source; throws if it is not UTF-8 text.
   * Thread-safe.
   */
  public SourceText text(Path source) throws IOException {
    return entry(source).text();
  }

  /** SHA-256 of a located source's bytes, read with its text (see {@link #text}). */
  public String digest(Path source) throws IOException {
    return entry(source).sha256();
  }

  private Entry entry(Path source) throws IOException {
    Path key = source.toAbsolutePath().normalize();
    Entry cached = cache.get(key);
    if (cached == null) {
      byte[] bytes = Files.readAllBytes(key);
      try {
        String text = StrictUtf8.decode(bytes);
        cached =
            new Entry(
                SourceText.withMap(source.getFileName().toString(), text, mapBeside(key)),
                Hashes.sha256(bytes));
      } catch (StrictUtf8.NotUtf8Exception e) {
        throw new IOException("source text " + source + " is not valid UTF-8", e);
      }
      cache.put(key, cached);
    }
    return cached;
  }

  /** The page/section map written beside a registered text ({@code x.map.json}), if any. */
  private static SourceMap mapBeside(Path text) throws IOException {
    Path file = SourceMap.fileFor(text);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return SourceMap.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IOException(
          "the map of source text "
              + text.getFileName()
              + " ("
              + file.getFileName()
              + ") cannot be read: "
              + e.getMessage(),
          e);
    }
  }

  /** SHA-256 of a source file's bytes. */
  public static String sha256(Path source) throws IOException {
    return Hashes.sha256(Files.readAllBytes(source));
  }
}
