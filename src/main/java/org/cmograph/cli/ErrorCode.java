package org.cmograph.cli;

import java.util.Locale;

/**
 * What went wrong when a command stops with an error, each with its entry in {@code
 * docs/errors.md}: every error message ends with the link to it, as in
 *
 * <pre>
 * error: store .cmograph/store is in use by another process ... (see docs/errors.md#store-locked)
 * </pre>
 *
 * Problems in input files carry their own codes ({@code FILE:LINE:COL: CODE message}); these are
 * the codes of a command's failures. {@code ErrorCodeTest} checks that each has its heading.
 */
enum ErrorCode {
  /** The command line itself: an unknown option, a missing argument, options that conflict. */
  USAGE("USAGE", 2),
  STORE_LOCKED("STORE-LOCKED", 1),
  STORE_UNREADABLE("STORE-UNREADABLE", 1),
  NO_STORE("NO-STORE", 1),
  ENDPOINT_FAILED("ENDPOINT-FAILED", 1),
  QUERY_FAILED("QUERY-FAILED", 1),
  PASSWORD_FILE("PASSWORD-FILE", 1),
  ALREADY_EXISTS("ALREADY-EXISTS", 1),
  NOT_FOUND("NOT-FOUND", 1),
  BACKUP_DAMAGED("BACKUP-DAMAGED", 1),
  SOURCE_REFUSED("SOURCE-REFUSED", 1),
  SERVE_FAILED("SERVE-FAILED", 1),
  DATA_INVALID("DATA-INVALID", 1),
  IO_ERROR("IO-ERROR", 1),
  INTERNAL_ERROR("INTERNAL-ERROR", 1);

  /** The page every code links to, relative to the project folder. */
  static final String PAGE = "docs/errors.md";

  /** The code as the page's heading spells it, e.g. STORE-LOCKED. */
  final String heading;

  /** The exit status a failure with this code ends the command with. */
  final int exitCode;

  ErrorCode(String heading, int exitCode) {
    this.heading = heading;
    this.exitCode = exitCode;
  }

  /** The heading's anchor as GitHub and most Markdown renderers make it: store-locked. */
  String anchor() {
    return heading.toLowerCase(Locale.ROOT);
  }

  /** Where the code is explained: docs/errors.md#store-locked. */
  String link() {
    return PAGE + "#" + anchor();
  }

  /** One error line: {@code error: MESSAGE (see docs/errors.md#anchor)}. */
  String line(String message) {
    return "error: " + message + " (see " + link() + ")";
  }
}
