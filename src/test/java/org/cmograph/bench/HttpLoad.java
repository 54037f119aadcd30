package org.cmograph.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Concurrent SPARQL clients on loopback: each sends the same query (SPARQL 1.1 Protocol, GET, JSON
 * results) again and again for a fixed time, reads the whole answer, and counts what failed.
 * Bounded in time and only ever aimed at a server this harness started on this machine.
 */
final class HttpLoad {
  /**
   * Throughput, latency and errors of one run, and the server's CPU time (user + system, the whole
   * process) while it was measured: NaN where it was not read.
   */
  record Result(
      int clients,
      long requests,
      long errors,
      double seconds,
      Samples latencyMs,
      String firstError,
      double serverCpuMs) {
    double perSecond() {
      return requests / seconds;
    }

    /**
     * The server's CPU milliseconds per request: tells a cell's work from its waiting (at 1 client
     * a server can be slower per request with no more work). NaN when unknown.
     */
    double serverCpuPerRequest() {
      return requests == 0 ? Double.NaN : serverCpuMs / requests;
    }
  }

  private HttpLoad() {}

  /** Two measurements of the same clients as one: requests, errors, time and latencies added up. */
  static Result merge(Result a, Result b) {
    Samples latency = new Samples();
    a.latencyMs().forEach(latency::add);
    b.latencyMs().forEach(latency::add);
    return new Result(
        a.clients(),
        a.requests() + b.requests(),
        a.errors() + b.errors(),
        a.seconds() + b.seconds(),
        latency,
        a.firstError() != null ? a.firstError() : b.firstError(),
        a.serverCpuMs() + b.serverCpuMs());
  }

  static URI queryUri(String endpoint, String query) {
    return URI.create(endpoint + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
  }

  /** One request: the status and body, for checks before the load. */
  static HttpResponse<String> once(URI uri) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return client.send(request(uri), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest request(URI uri) {
    return HttpRequest.newBuilder(uri)
        .header("Accept", "application/sparql-results+json")
        .timeout(Duration.ofSeconds(60))
        .GET()
        .build();
  }

  /**
   * {@code clients} threads for {@code warmup}, then for {@code measure} (only this is counted).
   */
  static Result run(URI uri, int clients, Duration warmup, Duration measure)
      throws InterruptedException {
    return run(uri, clients, warmup, measure, -1);
  }

  /**
   * As {@link #run(URI, int, Duration, Duration)}, also reading the CPU time of the server process
   * {@code pid} (from {@code /proc}; -1 for none) over the measured time.
   */
  static Result run(URI uri, int clients, Duration warmup, Duration measure, long pid)
      throws InterruptedException {
    long warmEnd = System.nanoTime() + warmup.toNanos();
    long end = warmEnd + measure.toNanos();
    AtomicLong requests = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    List<Samples> latencies = new ArrayList<>();
    String[] firstError = new String[1];
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Samples mine = new Samples();
      latencies.add(mine);
      Thread t =
          new Thread(
              () -> {
                HttpClient client =
                    HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build();
                HttpRequest req = request(uri);
                while (true) {
                  long t0 = System.nanoTime();
                  if (t0 >= end) {
                    break;
                  }
                  boolean ok;
                  String why = null;
                  try {
                    HttpResponse<byte[]> r =
                        client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                    ok = r.statusCode() == 200 && r.body().length > 0;
                    if (!ok) {
                      why =
                          "HTTP "
                              + r.statusCode()
                              + ": "
                              + new String(r.body(), StandardCharsets.UTF_8);
                    }
                  } catch (IOException e) {
                    ok = false;
                    why = e.toString();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                  }
                  long t1 = System.nanoTime();
                  if (t0 >= warmEnd) {
                    requests.incrementAndGet();
                    mine.add((t1 - t0) / 1e6);
                    if (!ok) {
                      errors.incrementAndGet();
                      synchronized (firstError) {
                        if (firstError[0] == null) {
                          firstError[0] = why.length() > 300 ? why.substring(0, 300) : why;
                        }
                      }
                    }
                  }
                }
              },
              "bench-client-" + c);
      threads.add(t);
      t.start();
    }
    long cpu0 = -1;
    if (pid > 0) {
      long wait = warmEnd - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      cpu0 = EndpointWarmUp.cpuMillis(pid);
    }
    for (Thread t : threads) {
      t.join();
    }
    long cpu1 = pid > 0 ? EndpointWarmUp.cpuMillis(pid) : -1;
    Samples all = merge(latencies);
    return new Result(
        clients,
        requests.get(),
        errors.get(),
        measure.toNanos() / 1e9,
        all,
        firstError[0],
        cpu0 >= 0 && cpu1 >= 0 ? cpu1 - cpu0 : Double.NaN);
  }

  private static Samples merge(List<Samples> parts) {
    Samples all = new Samples();
    for (Samples s : parts) {
      s.forEach(all::add);
    }
    return all;
  }
}
