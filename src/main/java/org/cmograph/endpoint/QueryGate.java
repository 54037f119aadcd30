package org.cmograph.endpoint;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Admission control for queries: at most a fixed number run at once, the others wait their turn
 * (first come, first served) for a bounded time. On a small machine thirty clients running an
 * aggregate at once would each get a thirtieth of the cores and all hit the time limit together;
 * queued, each runs at full speed, within the limit, and the time limit counts only running time.
 *
 * <pre>
 * QueryGate gate = new QueryGate(4, Duration.ofSeconds(30));
 * if (gate.enter()) {
 *   try { run(); } finally { gate.leave(); }
 * } else {
 *   // busy: answer 503 with Retry-After
 * }
 * </pre>
 */
final class QueryGate {
  private final Semaphore places;
  private final int size;
  private final Duration maxWait;

  QueryGate(int size, Duration maxWait) {
    if (size < 1) {
      throw new IllegalArgumentException("at least one query must be able to run, not " + size);
    }
    this.places = new Semaphore(size, true);
    this.size = size;
    this.maxWait = maxWait;
  }

  /** Waits for a place, at most {@link #maxWait()}; true when the caller may run (then leave). */
  boolean enter() {
    try {
      return places.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  void leave() {
    places.release();
  }

  int size() {
    return size;
  }

  Duration maxWait() {
    return maxWait;
  }

  /** Queries running now. */
  int running() {
    return size - places.availablePermits();
  }
}
