package org.cmograph.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --sources DIR}: the folder of source texts quotes are checked against (or, for {@code
 * source add}, registered in). Its help text per command is in {@code Options.properties}.
 */
final class SourcesOption {
  @Option(
      names = "--sources",
      paramLabel = "DIR",
      descriptionKey = "sources",
      description = "Folder of source texts (default: data/sources)")
  Path sources;

  /** The folder given, or {@code fallback} when none was. */
  Path orElse(Path fallback) {
    return sources != null ? sources : fallback;
  }
}
