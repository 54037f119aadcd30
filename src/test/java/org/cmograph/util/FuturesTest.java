package org.cmograph.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Test;

/** What other threads throw reaches the waiting thread as it was thrown. */
class FuturesTest {
  @Test
  void returnsTheResultAndPassesOnWhatTheWorkThrew() {
    assertEquals("done", Futures.await(CompletableFuture.completedFuture("done"), "testing"));
    IllegalArgumentException bad = new IllegalArgumentException("bad input");
    assertSame(
        bad,
        assertThrows(
            IllegalArgumentException.class,
            () -> Futures.await(CompletableFuture.failedFuture(bad), "testing")));
    OutOfMemoryError oom = new OutOfMemoryError("test");
    assertSame(
        oom,
        assertThrows(
            OutOfMemoryError.class,
            () -> Futures.await(CompletableFuture.failedFuture(oom), "testing")));
    IOException io = new IOException("disk");
    IllegalStateException wrapped =
        assertThrows(
            IllegalStateException.class,
            () -> Futures.await(CompletableFuture.failedFuture(io), "testing"));
    assertSame(io, wrapped.getCause());
  }

  @Test
  void anInterruptKeepsTheFlagAndSaysWhatWasAwaited() {
    FutureTask<String> never = new FutureTask<>(() -> "never run");
    Thread.currentThread().interrupt();
    try {
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class, () -> Futures.await(never, "reading the store"));
      assertTrue(e.getMessage().contains("reading the store"), e.getMessage());
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
  }
}
