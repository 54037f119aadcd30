package org.cmograph.cli;

import org.cmograph.rdf.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/**
 * The {@code cmograph} command: lists the subcommands and maps failures to exit codes (0 success, 1
 * invalid input, 2 usage error) and error codes ({@link ErrorReporter}). Each subcommand is its own
 * class.
 *
 * <pre>
 * cmograph validate data/
 * cmograph load
 * cmograph export --format nq --out cmo.nq
 * </pre>
 */
@Command(
    name = "cmograph",
    resourceBundle = "org.cmograph.cli.Options",
    mixinStandardHelpOptions = true,
    versionProvider = CmographCommand.VersionProvider.class,
    description =
        "A realist-evaluation knowledge graph: CMO configurations traced to verbatim quotes.",
    subcommands = {
      NewCommand.class,
      ValidateCommand.class,
      LoadCommand.class,
      ExportCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      QueryCommand.class,
      SummaryCommand.class,
      GenerateCommand.class,
      ServeCommand.class,
      ImportCommand.class,
      DiffCommand.class,
      MigrateCommand.class,
      CatalogueCommand.class,
      SourceCommand.class,
      CompletionCommand.class,
      CommandLine.HelpCommand.class
    })
public final class CmographCommand implements Runnable {
  @Option(
      names = "--verbose",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print stack traces of unexpected errors")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a command; cmograph --help lists them");
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit status (used by tests without exiting). */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new CmographCommand());
    // 'catalogue list contexts' names an enum constant CONTEXTS.
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    ErrorReporter errors = new ErrorReporter();
    cli.setExecutionExceptionHandler(errors);
    cli.setParameterExceptionHandler(errors);
    return cli;
  }

  /** The version from the build. */
  static final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"cmograph " + Version.current()};
    }
  }
}
