package org.cmograph.query;

/**
 * A query that could not be answered: it does not parse, it ran past its time limit, or the
 * endpoint refused or could not be reached. The message is fit for the user.
 */
public final class QueryFailure extends RuntimeException {
  public QueryFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
