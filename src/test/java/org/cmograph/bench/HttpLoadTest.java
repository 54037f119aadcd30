package org.cmograph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The endpoint cells' server CPU per request: slices merged, then divided by their requests. */
class HttpLoadTest {
  static HttpLoad.Result result(long requests, double cpuMs, double... latencies) {
    Samples s = new Samples();
    for (double l : latencies) {
      s.add(l);
    }
    return new HttpLoad.Result(1, requests, 0, 2.5, s, null, cpuMs);
  }

  @Test
  void slicesAddTheirCpuAndRequestsBeforeDividing() {
    // 120 ms over 40 requests and 300 ms over 60: 420 / 100, not the mean of 3.0 and 5.0.
    HttpLoad.Result merged = HttpLoad.merge(result(40, 120, 10, 12), result(60, 300, 20, 22, 24));
    assertEquals(100, merged.requests());
    assertEquals(420, merged.serverCpuMs());
    assertEquals(4.2, merged.serverCpuPerRequest(), 1e-9);
    assertEquals(5.0, merged.seconds());
    assertEquals(20.0, merged.perSecond(), 1e-9);
    assertEquals("4.2", Report.cpuCell(merged));
  }

  @Test
  void anUnreadCpuTimeStaysUnknownAndIsShownAsADash() {
    HttpLoad.Result unread = result(50, Double.NaN, 3);
    assertTrue(Double.isNaN(unread.serverCpuPerRequest()));
    assertTrue(Double.isNaN(HttpLoad.merge(result(40, 120, 1), unread).serverCpuPerRequest()));
    assertTrue(Double.isNaN(result(0, 0).serverCpuPerRequest()));
    assertEquals("–", Report.cpuCell(unread));
  }

  @Test
  void aServerProcessIsReadOverTheMeasuredTimeOnly() throws Exception {
    // This JVM as the "server" of a run aimed at a port nobody answers: every request fails fast,
    // and the CPU read is this process's, over the measured 0.3 s only (not the 0.2 s before it).
    long pid = ProcessHandle.current().pid();
    java.net.URI nowhere = java.net.URI.create("http://127.0.0.1:" + BenchmarkHarness.freePort());
    HttpLoad.Result r =
        HttpLoad.run(
            nowhere, 1, java.time.Duration.ofMillis(200), java.time.Duration.ofMillis(300), pid);
    if (EndpointWarmUp.cpuMillis(pid) < 0) {
      assertTrue(Double.isNaN(r.serverCpuMs()));
      return;
    }
    assertTrue(r.serverCpuMs() >= 0, "cpu " + r.serverCpuMs());
    assertTrue(r.requests() > 0 && r.errors() == r.requests(), r.toString());
  }
}
