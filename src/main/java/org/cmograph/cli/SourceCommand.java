package org.cmograph.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cmograph source}: the source texts quotes are proved against. */
@Command(
    name = "source",
    description = "Register source texts (data/sources/) from PDF, JATS XML, HTML or plain text.",
    subcommands = {SourceAddCommand.class})
final class SourceCommand implements Runnable {
  @Mixin HelpOption help;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a source command: add");
  }
}
