package org.cmograph.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Many valid studies for load tests: copies of the bundled extractions under new study ids ({@code
 * c7-gillard-2014}), so every copy is a study of its own with its own named graph. Their quotes
 * come from {@code data/sources} (pass it as {@code --sources}).
 */
public final class StudyCopies {
  private StudyCopies() {}

  private static final Pattern STUDY_ID =
      Pattern.compile("(?m)^(study:\\n(?:[ ]*#.*\\n)*  id: )(\\S+)$");

  /** Writes {@code n} copies into {@code dir} (created) and returns it. */
  public static Path write(Path dir, int n) throws IOException {
    Files.createDirectories(dir);
    List<Path> bundled;
    try (Stream<Path> files = Files.list(Repo.data().resolve("studies"))) {
      bundled = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    for (int i = 0; i < n; i++) {
      String text = Files.readString(bundled.get(i % bundled.size()));
      Matcher m = STUDY_ID.matcher(text);
      if (!m.find()) {
        throw new IllegalStateException("no study id in " + bundled.get(i % bundled.size()));
      }
      String id = ("c" + i + "-" + m.group(2));
      id = id.substring(0, Math.min(64, id.length())).replaceAll("-+$", "");
      String copy = text.substring(0, m.start(2)) + id + text.substring(m.end(2));
      Files.writeString(dir.resolve(id + ".yaml"), copy);
    }
    return dir;
  }

  public static Path sources() {
    return Repo.data().resolve("sources");
  }
}
