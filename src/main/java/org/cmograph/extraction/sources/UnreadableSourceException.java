package org.cmograph.extraction.sources;

/** A file that cannot become a source text, with a message that says why and what to do. */
public final class UnreadableSourceException extends Exception {
  public UnreadableSourceException(String message) {
    super(message);
  }

  public UnreadableSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
