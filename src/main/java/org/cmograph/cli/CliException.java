package org.cmograph.cli;

/** A failure with a message for the user and its {@link ErrorCode} (which sets the exit status). */
final class CliException extends RuntimeException {
  final ErrorCode code;

  CliException(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  CliException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  int exitCode() {
    return code.exitCode;
  }
}
