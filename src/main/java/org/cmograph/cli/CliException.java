package org.cmograph.cli;

/** A failure with a message for the user and the exit status it stands for. */
final class CliException extends RuntimeException {
  final int exitCode;

  CliException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }
}
