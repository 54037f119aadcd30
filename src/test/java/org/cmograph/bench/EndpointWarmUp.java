package org.cmograph.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Warms the two servers of the endpoint comparison until neither gets cheaper per request: rounds
 * of every query on each server in turn, until each pair's server CPU time per request (process CPU
 * from {@code /proc}, so the JIT compilers' threads count too) has stopped falling.
 *
 * <p>A fixed warm-up was not enough: at 10,000 studies both JVMs were still compiling (C2) a minute
 * and more after start, the first cells (study-cmo-table at 1 client) were measured while they did,
 * and the server with more code to compile paid more of it. Where {@code /proc} cannot be read,
 * wall time per request stands in for CPU time.
 */
final class EndpointWarmUp {
  /** One round's length on each server and query. */
  static final Duration ROUND = Duration.ofSeconds(2);

  static final int MIN_ROUNDS = 3;
  static final int MAX_ROUNDS = 20;

  /** Two rounds in a row at no less than this share of the best before them: settled. */
  static final double SETTLED = 0.9;

  /** What the warm-up did: rounds, seconds, and the last round's milliseconds per request. */
  record Outcome(int rounds, double seconds, boolean settled, double[][] lastMsPerRequest) {}

  private EndpointWarmUp() {}

  /**
   * @param uris for each query, its URI on each server
   * @param pids the servers' process ids, in the order of each query's URIs
   */
  static Outcome run(List<URI[]> uris, long[] pids, int clients) throws InterruptedException {
    int servers = pids.length;
    List<List<List<Double>>> costs = new ArrayList<>();
    for (int q = 0; q < uris.size(); q++) {
      List<List<Double>> perServer = new ArrayList<>();
      for (int s = 0; s < servers; s++) {
        perServer.add(new ArrayList<>());
      }
      costs.add(perServer);
    }
    long start = System.nanoTime();
    int round = 0;
    boolean settled = false;
    while (round < MAX_ROUNDS && !settled) {
      for (int q = 0; q < uris.size(); q++) {
        for (int i = 0; i < servers; i++) {
          // The server that goes first alternates from round to round.
          int s = (i + round) % servers;
          costs.get(q).get(s).add(msPerRequest(uris.get(q)[s], pids[s], clients));
        }
      }
      round++;
      settled = true;
      for (List<List<Double>> perServer : costs) {
        for (List<Double> c : perServer) {
          settled &= settled(c);
        }
      }
    }
    double[][] last = new double[uris.size()][servers];
    for (int q = 0; q < uris.size(); q++) {
      for (int s = 0; s < servers; s++) {
        List<Double> c = costs.get(q).get(s);
        last[q][s] = c.get(c.size() - 1);
      }
    }
    return new Outcome(round, (System.nanoTime() - start) / 1e9, settled, last);
  }

  /**
   * Whether a series of per-request costs has stopped falling: at least {@link #MIN_ROUNDS}, and
   * the last two each at least {@link #SETTLED} of the lowest before them.
   */
  static boolean settled(List<Double> costs) {
    int n = costs.size();
    if (n < MIN_ROUNDS) {
      return false;
    }
    double best = Double.MAX_VALUE;
    for (double c : costs.subList(0, n - 2)) {
      best = Math.min(best, c);
    }
    return Math.min(costs.get(n - 2), costs.get(n - 1)) >= SETTLED * best;
  }

  /** One round on one server: its CPU milliseconds per request (wall when CPU is unknown). */
  private static double msPerRequest(URI uri, long pid, int clients) throws InterruptedException {
    long cpu0 = cpuMillis(pid);
    HttpLoad.Result r = HttpLoad.run(uri, clients, Duration.ZERO, ROUND);
    long cpu1 = cpuMillis(pid);
    long requests = Math.max(1, r.requests());
    if (cpu0 < 0 || cpu1 < 0) {
      return r.seconds() * 1000 * clients / requests;
    }
    return (double) (cpu1 - cpu0) / requests;
  }

  /** The process's user + system CPU time in milliseconds, or -1 where /proc is not there. */
  static long cpuMillis(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // Fields 14 and 15 of proc(5) (utime, stime), in clock ticks: 100 a second on Linux.
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
