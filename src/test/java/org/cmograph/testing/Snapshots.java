package org.cmograph.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.cmograph.extraction.Problem;

/**
 * Golden files: compares actual text to a file, or rewrites the file when the build runs with
 * {@code -Dsnapshots.update=true} (for intended changes, reviewed in the diff).
 */
public final class Snapshots {
  private Snapshots() {}

  public static boolean updating() {
    return Boolean.getBoolean("snapshots.update");
  }

  public static void assertMatches(Path expectedFile, String actual) throws IOException {
    if (updating()) {
      Files.createDirectories(expectedFile.toAbsolutePath().getParent());
      Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(expectedFile)) {
      throw new AssertionError(
          "no snapshot "
              + expectedFile
              + "; run with -Dsnapshots.update=true to create it:\n"
              + actual);
    }
    assertEquals(
        Files.readString(expectedFile, StandardCharsets.UTF_8), actual, "snapshot " + expectedFile);
  }

  /**
   * Problems as the golden files hold them: one formatted problem a line, each naming its file
   * without folders, so the text is the same on every machine.
   */
  public static String problems(List<Problem> problems) {
    return problems.stream()
        .map(
            p ->
                new Problem(
                        p.file().getFileName(),
                        p.line(),
                        p.column(),
                        p.severity(),
                        p.code(),
                        p.message())
                    .format())
        .collect(Collectors.joining("\n", "", "\n"));
  }
}
