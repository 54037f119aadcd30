package org.cmograph.query;

/**
 * The caller asked for something the query does not take: an unknown query, a missing or undeclared
 * parameter, a value that is not a slug, an unknown output format. The command line reports it as a
 * usage error.
 */
public final class QueryUsageException extends RuntimeException {
  public QueryUsageException(String message) {
    super(message);
  }
}
