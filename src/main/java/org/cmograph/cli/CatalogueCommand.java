package org.cmograph.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cmograph catalogue}: the shared catalogues, for researchers and their curators. */
@Command(
    name = "catalogue",
    description =
        "List the shared catalogues (ontology/mechanism-, context- and outcome-catalogue.ttl), or"
            + " find where the mechanism catalogue should grow.",
    subcommands = {CatalogueListCommand.class, CatalogueSuggestCommand.class})
final class CatalogueCommand implements Runnable {
  @Mixin HelpOption help;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a catalogue command: list or suggest");
  }
}
