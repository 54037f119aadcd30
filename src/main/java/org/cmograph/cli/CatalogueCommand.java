package org.cmograph.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cmograph catalogue}: tools for the curators of the mechanism catalogue. */
@Command(
    name = "catalogue",
    description = "Work on the mechanism catalogue (ontology/mechanism-catalogue.ttl).",
    subcommands = {CatalogueSuggestCommand.class})
final class CatalogueCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a catalogue command (see --help)");
  }
}
