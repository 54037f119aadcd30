package org.cmograph.cli;

import picocli.CommandLine.Option;

/** {@code --quiet} and {@code --json}: how much a command prints, and in which form. */
final class OutputOptions {
  @Option(
      names = {"-q", "--quiet"},
      description = "Print problems only: no progress bar, no summary")
  boolean quiet;

  @Option(
      names = "--json",
      descriptionKey = "json",
      description = "Print one JSON object (counts, problems) for scripts, nothing else")
  boolean json;

  /** True when a progress bar or summary line may be printed. */
  boolean chatty() {
    return !quiet && !json;
  }
}
