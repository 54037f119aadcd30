package org.cmograph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.Test;

/** Every error code the code base emits has its entry in docs/errors.md. */
class ErrorCodesDocTest {
  /** The code argument of Problem.error(...) / Problem.warning(...) calls. */
  static final Pattern EMITTED =
      Pattern.compile(
          "Problem\\.(?:error|warning)\\(\\s*[^;]*?\"([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*)\"",
          Pattern.DOTALL);

  static final Pattern CODE_LITERAL = Pattern.compile("\"([A-Z][A-Z0-9]+(?:-[A-Z0-9]+)+)\"");

  @Test
  void everyEmittedCodeIsDocumented() throws IOException {
    String doc = Files.readString(Repo.root().resolve("docs/errors.md"));
    Set<String> documented = new TreeSet<>();
    Matcher h = Pattern.compile("^## ([A-Z][A-Z0-9-]+)", Pattern.MULTILINE).matcher(doc);
    while (h.find()) {
      documented.add(h.group(1));
    }
    Set<String> emitted = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Repo.root().resolve("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String src = Files.readString(f);
        if (!src.contains("Problem.")) {
          continue;
        }
        Matcher m = EMITTED.matcher(src);
        while (m.find()) {
          emitted.add(m.group(1));
        }
        Matcher literals = CODE_LITERAL.matcher(src);
        while (literals.find()) {
          emitted.add(literals.group(1));
        }
      }
    }
    assertTrue(emitted.size() >= 30, "found the codes: " + emitted);
    Set<String> missing = new TreeSet<>(emitted);
    missing.removeAll(documented);
    assertEquals(Set.of(), missing, "codes without an entry in docs/errors.md");
  }
}
