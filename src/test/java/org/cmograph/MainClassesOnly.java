package org.cmograph;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.cmograph.cli.CmographCommand;

/**
 * ArchUnit imports only the main classes: those in the folder or jar that holds {@link
 * CmographCommand}. ArchUnit's own {@code DoNotIncludeTests} recognises test classes by path
 * ({@code target/test-classes} and the like), so a build writing elsewhere ({@code
 * -Dcmograph.build.dir=/elsewhere}) let the test classes in, and their dependencies broke the
 * rules.
 */
public final class MainClassesOnly implements ImportOption {
  /** The folder or jar the main classes were loaded from. */
  private static final Path ROOT = root();

  @Override
  public boolean includes(Location location) {
    URI uri = location.asURI();
    if ("file".equals(uri.getScheme())) {
      return Path.of(uri).startsWith(ROOT);
    }
    if ("jar".equals(uri.getScheme())) {
      String inner = uri.getRawSchemeSpecificPart();
      int entry = inner.indexOf("!/");
      return entry > 0 && Path.of(URI.create(inner.substring(0, entry))).equals(ROOT);
    }
    return false;
  }

  private static Path root() {
    try {
      return Path.of(
          CmographCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("where the main classes are: " + e.getMessage(), e);
    }
  }
}
