package org.cmograph.testing;

import java.nio.file.Path;

/** Paths inside the checkout, for tests that read the bundled data and test resources. */
public final class Repo {
  private Repo() {}

  public static Path root() {
    String home = System.getProperty("cmograph.home");
    return Path.of(home == null ? "." : home).toAbsolutePath().normalize();
  }

  public static Path testResources() {
    return root().resolve("src/test/resources");
  }

  public static Path data() {
    return root().resolve("data");
  }
}
