package org.cmograph.store;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.cmograph.util.Futures;

/**
 * Maps a list on worker threads, a bounded number of items ahead of the consumer, and yields the
 * results in list order. A write transaction is bound to one thread; this lets the other cores
 * prepare the next studies (conversion, entailment) while that thread writes.
 */
final class Ahead<T, R> implements Iterator<R>, AutoCloseable {
  private static final int AHEAD_PER_WORKER = 4;

  private final List<T> items;
  private final Function<T, R> work;
  private final ExecutorService pool;
  private final int window;
  private final ArrayDeque<Future<R>> pending = new ArrayDeque<>();
  private int submitted;
  private int taken;

  Ahead(List<T> items, Function<T, R> work) {
    this.items = items;
    this.work = work;
    int workers = items.size() < 2 ? 0 : Runtime.getRuntime().availableProcessors();
    this.pool =
        workers == 0
            ? null
            : Executors.newFixedThreadPool(
                workers,
                r -> {
                  Thread t = new Thread(r, "cmograph-prepare");
                  t.setDaemon(true);
                  return t;
                });
    this.window = Math.max(1, workers) * AHEAD_PER_WORKER;
  }

  @Override
  public boolean hasNext() {
    return taken < items.size();
  }

  @Override
  public R next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    if (pool == null) {
      return work.apply(items.get(taken++));
    }
    while (submitted < items.size() && pending.size() < window) {
      T item = items.get(submitted++);
      pending.add(pool.submit(() -> work.apply(item)));
    }
    taken++;
    return Futures.await(pending.poll(), "working ahead");
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
