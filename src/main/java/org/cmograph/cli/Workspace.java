package org.cmograph.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where cmograph finds its files: the repository root (the launcher passes it as the system
 * property {@code cmograph.home}), its bundled {@code data/} and {@code ontology/}, and the default
 * store under {@code .cmograph/store}.
 */
public record Workspace(Path home) {
  public static Workspace current() {
    String home = System.getProperty("cmograph.home");
    if (home == null || home.isBlank()) {
      home = System.getenv("CMOGRAPH_HOME");
    }
    return new Workspace(
        Path.of(home == null || home.isBlank() ? "." : home).toAbsolutePath().normalize());
  }

  public Path dataDir() {
    return home.resolve("data");
  }

  public Path studiesDir() {
    return dataDir().resolve("studies");
  }

  /** The ontology folder of a checkout, or null to use the copy inside the jar. */
  public Path ontologyDir() {
    Path dir = home.resolve("ontology");
    return Files.isDirectory(dir) ? dir : null;
  }

  public Path defaultStore() {
    return home.resolve(".cmograph").resolve("store");
  }

  public Path queriesDir() {
    return home.resolve("queries");
  }

  /** A path as the user should see it: relative to the working directory when inside it. */
  public static Path shown(Path p) {
    Path cwd = Path.of("").toAbsolutePath();
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
  }
}
