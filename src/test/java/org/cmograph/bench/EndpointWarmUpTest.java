package org.cmograph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link EndpointWarmUp} stops only once the cost per request has stopped falling, and reads a
 * process's CPU time from /proc.
 */
class EndpointWarmUpTest {
  @Test
  void aFallingCostIsNotSettled() {
    // Per-request CPU of a server at 1 client at 10,000 studies, slice after slice (20:07-20:09).
    assertFalse(EndpointWarmUp.settled(List.of(42.9, 12.4, 8.3)));
    assertFalse(EndpointWarmUp.settled(List.of(42.9, 12.4, 8.3, 8.4, 6.8)));
    assertFalse(EndpointWarmUp.settled(List.of(42.9, 12.4, 8.3, 8.4, 6.8, 6.5, 5.6)));
    assertTrue(EndpointWarmUp.settled(List.of(42.9, 12.4, 8.3, 8.4, 6.8, 6.5, 5.6, 5.5, 5.7)));
  }

  @Test
  void aFlatCostSettlesAfterTheFewestRounds() {
    assertFalse(EndpointWarmUp.settled(List.of(5.0, 5.0)));
    assertTrue(EndpointWarmUp.settled(List.of(5.0, 5.1, 4.9)));
    // Still falling by more than 10 % a round, then no more.
    assertFalse(EndpointWarmUp.settled(List.of(5.0, 4.0, 3.5, 3.0)));
    assertTrue(EndpointWarmUp.settled(List.of(5.0, 4.0, 3.5, 3.0, 3.1, 3.0)));
    // Dearer again (a busy machine) is not falling either.
    assertTrue(EndpointWarmUp.settled(List.of(5.0, 4.0, 5.0, 5.0)));
  }

  @Test
  void readsThisProcesssCpuTime() {
    long pid = ProcessHandle.current().pid();
    long before = EndpointWarmUp.cpuMillis(pid);
    if (before < 0) {
      assertEquals(-1, before, "no /proc on this system");
      return;
    }
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long spin = threads.getCurrentThreadCpuTime() + 300_000_000L;
    double x = 0;
    while (threads.getCurrentThreadCpuTime() < spin) {
      x += Math.sqrt(x + 1);
    }
    assertTrue(x > 0);
    long after = EndpointWarmUp.cpuMillis(pid);
    // This thread alone spent 300 ms of CPU; the process at least that (10 ms clock ticks).
    assertTrue(after - before >= 280, "300 ms of this thread's CPU read as " + (after - before));
  }
}
