package org.cmograph.util;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work handed to another thread, with what it threw passed on unwrapped. */
public final class Futures {
  private Futures() {}

  /**
   * The result of {@code future}, waiting for it. A runtime exception or error thrown by the work
   * is rethrown as it was; an interrupt keeps the thread's flag and says what was waited for.
   */
  public static <T> T await(Future<T> future, String what) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + what, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
