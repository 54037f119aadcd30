package org.cmograph.store;

/**
 * A store that cannot be opened or written, with a message fit for the user; {@link Locked} when
 * another process (a running {@code cmograph serve}) holds it.
 */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The store's folder is locked by another process: TDB2 lets one process open it. */
  public static final class Locked extends StoreException {
    public Locked(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
