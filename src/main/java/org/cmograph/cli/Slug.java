package org.cmograph.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The ids people choose for studies and sources: lower-case words joined by single hyphens. */
final class Slug {
  private Slug() {}

  /**
   * Refuses, as a usage error, an id that is not lower-case letters and digits in words joined by
   * single hyphens, or is longer than 64 characters.
   *
   * @param kind what the id names, for the message ("study", "source")
   */
  static void require(CommandSpec spec, String id, String kind) {
    if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*") || id.length() > 64) {
      throw new ParameterException(
          spec.commandLine(),
          "'"
              + id
              + "' is not a valid "
              + kind
              + " id; use lower-case letters, digits and single hyphens (e.g. smith-2023)");
    }
  }
}
