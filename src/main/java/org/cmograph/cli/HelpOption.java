package org.cmograph.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h, --help} for a subcommand ({@code cmograph} itself has picocli's standard help
 * options). {@code HelpOptionsTest} walks the command tree, so a command without it fails a test.
 */
final class HelpOption {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;
}
