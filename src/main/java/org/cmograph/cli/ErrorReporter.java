package org.cmograph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.cmograph.extraction.Problem;
import org.cmograph.query.QueryFailure;
import org.cmograph.store.EndpointUrl;
import org.cmograph.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Prints why a command stopped, as one line {@code error: MESSAGE (see docs/errors.md#CODE)}, and
 * returns its exit status (1 failure, 2 usage error). Every message passes through {@link
 * EndpointUrl#redacted}: an exception may quote a URL with a password in it, which must not be
 * printed; and through {@link Problem#escaped}, so a file name cannot forge a second line.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    PrintWriter err = cli.getErr();
    for (String line : String.valueOf(e.getMessage()).split("\n")) {
      err.println(ErrorCode.USAGE.line(Problem.escaped(EndpointUrl.redacted(line))));
    }
    if (!UnmatchedArgumentException.printSuggestions(e, err)) {
      cli.usage(err);
    }
    err.flush();
    return ErrorCode.USAGE.exitCode;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parseResult) {
    PrintWriter err = cli.getErr();
    ErrorCode code = classify(e, parseResult);
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    if (code == ErrorCode.INTERNAL_ERROR) {
      message = "unexpected " + e.getClass().getSimpleName() + ": " + message;
    }
    err.println(code.line(Problem.escaped(EndpointUrl.redacted(message))));
    boolean verbose = matched(parseResult, "--verbose");
    if (verbose) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      err.print(EndpointUrl.redacted(trace.toString()));
    } else if (code == ErrorCode.INTERNAL_ERROR) {
      err.println("(run with --verbose for the stack trace)");
    }
    err.flush();
    return code.exitCode;
  }

  /** The code of a failure: our own carry theirs; the store's and the queries' are known kinds. */
  static ErrorCode classify(Exception e, ParseResult parseResult) {
    if (e instanceof CliException ce) {
      return ce.code;
    }
    if (e instanceof StoreException.Locked) {
      return ErrorCode.STORE_LOCKED;
    }
    if (e instanceof StoreException) {
      // RemoteGraphStore reports a failed push or read as a StoreException too.
      return matched(parseResult, "--endpoint")
          ? ErrorCode.ENDPOINT_FAILED
          : ErrorCode.STORE_UNREADABLE;
    }
    if (e instanceof QueryFailure) {
      return ErrorCode.QUERY_FAILED;
    }
    if (e instanceof IOException || e instanceof UncheckedIOException) {
      return ErrorCode.IO_ERROR;
    }
    return ErrorCode.INTERNAL_ERROR;
  }

  /** True if the option was given to the command or any of its parent commands. */
  private static boolean matched(ParseResult parseResult, String option) {
    for (ParseResult r = parseResult; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption(option)) {
        return true;
      }
    }
    return false;
  }
}
