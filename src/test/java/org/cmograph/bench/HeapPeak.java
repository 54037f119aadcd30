package org.cmograph.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The most heap this JVM had in use at any moment, and the most still in use right after a
 * collection, from the collectors' notifications. Between two collections the heap in use only
 * grows (objects are allocated, none is freed), so its peak is the largest of the heap in use just
 * before each collection and at the end. Summing each heap pool's own peak, as the harness did
 * before, overstates it: the pools peak at different moments (eden just before a collection, the
 * old generation late), so a load under {@code -Xmx1g} was reported at 1,454 MiB.
 *
 * <p>After a collection the heap holds the live objects and, after a young collection, whatever
 * garbage the old generation has not yet been cleaned of: the largest such figure is an upper bound
 * of the most live data the run needed at once.
 */
final class HeapPeak {
  private static final Set<String> HEAP_POOLS =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP)
          .map(MemoryPoolMXBean::getName)
          .collect(Collectors.toUnmodifiableSet());
  private static final AtomicLong BEFORE_GC = new AtomicLong();
  private static final AtomicLong AFTER_GC = new AtomicLong();
  private static final AtomicLong NOTIFIED = new AtomicLong();
  private static long collectionsBeforeStart;
  private static volatile boolean started;

  private HeapPeak() {}

  /** Listens to every collector from now on; call first thing in main. */
  static synchronized void start() {
    if (started) {
      return;
    }
    started = true;
    collectionsBeforeStart = collections();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(
            (n, handback) -> {
              GarbageCollectionNotificationInfo info =
                  GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
              max(BEFORE_GC, heapUsed(info.getGcInfo().getMemoryUsageBeforeGc()));
              max(AFTER_GC, heapUsed(info.getGcInfo().getMemoryUsageAfterGc()));
              NOTIFIED.incrementAndGet();
            },
            n ->
                n.getType()
                    .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION),
            null);
      }
    }
  }

  /** The most heap in use at any moment since {@link #start}, in MiB. */
  static double peakMiB() {
    awaitNotifications();
    long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    return Math.max(BEFORE_GC.get(), now) / (1024.0 * 1024.0);
  }

  /** The most heap in use right after a collection since {@link #start}, in MiB (0: none ran). */
  static double afterGcMiB() {
    awaitNotifications();
    return AFTER_GC.get() / (1024.0 * 1024.0);
  }

  static long heapUsed(Map<String, MemoryUsage> pools) {
    long used = 0;
    for (Map.Entry<String, MemoryUsage> pool : pools.entrySet()) {
      if (HEAP_POOLS.contains(pool.getKey())) {
        used += pool.getValue().getUsed();
      }
    }
    return used;
  }

  /**
   * Notifications arrive on a JVM service thread after each collection: waits (a second at most)
   * until every collection counted by the collectors has been seen.
   */
  private static void awaitNotifications() {
    long deadline = System.nanoTime() + 1_000_000_000L;
    while (NOTIFIED.get() < collections() - collectionsBeforeStart
        && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static long collections() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount)
        .sum();
  }

  private static void max(AtomicLong peak, long value) {
    peak.accumulateAndGet(value, Math::max);
  }
}
