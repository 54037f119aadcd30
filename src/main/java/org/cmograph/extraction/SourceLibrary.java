package org.cmograph.extraction;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds and caches registered source texts. A study names a file; the library looks for it in an
 * explicit sources folder if one is given, else in a {@code sources/} folder beside the extraction
 * file, beside its folder, or one level further up (so {@code data/studies/x.yaml} finds
 * {@code data/sources/}).
 */
public final class SourceLibrary {
  private final Path explicitFolder;
  private final Map<Path, SourceText> cache = new HashMap<>();

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

  /** Reads (once) the text of a located source; throws if it is not UTF-8 text. */
  public SourceText text(Path source) throws IOException {
    Path key = source.toAbsolutePath().normalize();
    SourceText cached = cache.get(key);
    if (cached == null) {
      byte[] bytes = Files.readAllBytes(key);
      try {
        String text =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(bytes))
                .toString();
        cached = new SourceText(source.getFileName().toString(), text);
      } catch (CharacterCodingException e) {
        throw new IOException("source text " + source + " is not valid UTF-8", e);
      }
      cache.put(key, cached);
    }
    return cached;
  }

  /** SHA-256 of a source file's bytes. */
  public static String sha256(Path source) throws IOException {
    return Hashes.sha256(Files.readAllBytes(source));
  }
}
