package org.cmograph.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.query.Query;
import org.cmograph.query.CatalogueQuery;
import org.cmograph.query.QueryCatalogue;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.Test;

/**
 * The endpoint under a bounded storm on the loopback interface: 64 clients at once, each sending
 * catalogue queries mixed with queries that run into the time limit, malformed ones and oversized
 * ones. The server stays up, every well-formed query gets exactly the answer it gets when the
 * server is idle, every bad request gets its own refusal (and nothing else fails), and the heap
 * stays bounded. About 800 requests; it stops by itself.
 */
class EndpointLoadIT {
  static final int CLIENTS = 64;
  static final int ROUNDS = 8;
  static final long MAX_BODY = 64 * 1024;

  /** Long enough for a catalogue query queued behind 63 others on two cores. */
  static final int TIMEOUT_SECONDS = 4;

  /** Each catalogue query with its first example's parameters, as the landing page runs it. */
  static Map<String, String> catalogueQueries() {
    Map<String, String> out = new LinkedHashMap<>();
    for (CatalogueQuery q : QueryCatalogue.load(Repo.root().resolve("queries")).queries()) {
      Query bound = q.examples().isEmpty() ? q.query() : q.bind(q.examples().get(0).params());
      out.put(q.name(), bound.serialize());
    }
    return out;
  }

  static HttpRequest select(String url, String query) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30))
        .header("Accept", "text/csv")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(
            HttpRequest.BodyPublishers.ofString(
                "query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
        .build();
  }

  /** CSV rows in a stable order: the header, then the rows sorted. */
  static List<String> rows(String csv) {
    List<String> lines = new ArrayList<>(Arrays.asList(csv.split("\r?\n")));
    if (lines.size() > 1) {
      lines.subList(1, lines.size()).sort(null);
    }
    return lines;
  }

  @Test
  void sixtyFourClientsAtOnceGetTheirAnswersAndTheBadOnesTheirRefusals() throws Exception {
    ServerSettings settings =
        BundledStore.testSettings()
            .withTimeout(Duration.ofSeconds(TIMEOUT_SECONDS))
            .withMaxRequestBytes(MAX_BODY);
    try (EndpointServer server =
        EndpointServer.start(BundledStore.get().dataset(), settings, BundledStore.catalogue())) {
      String url = server.queryUrl();
      HttpClient http =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .executor(Executors.newFixedThreadPool(16))
              .build();
      Map<String, String> queries = catalogueQueries();
      assertTrue(queries.size() >= 8, "catalogue: " + queries.keySet());
      Map<String, List<String>> idle = new LinkedHashMap<>();
      StringBuilder idleTimes = new StringBuilder();
      for (Map.Entry<String, String> q : queries.entrySet()) {
        long t = System.nanoTime();
        HttpResponse<String> r =
            http.send(select(url, q.getValue()), HttpResponse.BodyHandlers.ofString());
        idleTimes
            .append(q.getKey())
            .append('=')
            .append((System.nanoTime() - t) / 1_000_000)
            .append("ms ");
        assertEquals(200, r.statusCode(), q.getKey() + ": " + r.body());
        idle.put(q.getKey(), rows(r.body()));
      }
      System.out.println("endpoint load: idle answer times " + idleTimes);
      List<String> names = new ArrayList<>(queries.keySet());
      String explosive = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
      List<String> malformed =
          List.of(
              "SELECT * WHERE { ?s ?p }",
              "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
              "DROP ALL",
              "SELECT ?x WHERE { ?x <urn:p> \"unclosed }");
      String oversized = "SELECT * WHERE { ?s ?p ?o } #" + "x".repeat((int) MAX_BODY);

      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      System.gc();
      long heapBefore = memory.getHeapMemoryUsage().getUsed();
      AtomicLong heapPeak = new AtomicLong(heapBefore);
      ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
      Map<String, AtomicInteger> outcome = new ConcurrentHashMap<>();
      AtomicInteger badSent = new AtomicInteger();
      AtomicInteger refused = new AtomicInteger();
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      Thread sampler =
          new Thread(
              () -> {
                while (!Thread.currentThread().isInterrupted()) {
                  heapPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                  try {
                    Thread.sleep(20);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      sampler.setDaemon(true);
      sampler.start();
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        running.add(
            clients.submit(
                () -> {
                  // Each client has its own connections, as separate reviewers' browsers would.
                  HttpClient own =
                      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
                  go.await();
                  for (int round = 0; round < ROUNDS; round++) {
                    int kind = (client + round) % 8;
                    HttpResponse<String> r;
                    if (kind == 5) {
                      badSent.incrementAndGet();
                      r =
                          own.send(
                              select(url, malformed.get((client + round) % malformed.size())),
                              HttpResponse.BodyHandlers.ofString());
                      count(outcome, "malformed", r.statusCode());
                      if (r.statusCode() == 400) {
                        refused.incrementAndGet();
                      } else {
                        failures.add("malformed query answered " + r.statusCode());
                      }
                    } else if (kind == 6) {
                      badSent.incrementAndGet();
                      // A refused body is not read, so the server drops that connection: a
                      // client of its own, as a misbehaving client would be.
                      r =
                          HttpClient.newHttpClient()
                              .send(
                                  HttpRequest.newBuilder(URI.create(url))
                                      .timeout(Duration.ofSeconds(30))
                                      .header("Content-Type", "application/sparql-query")
                                      .POST(HttpRequest.BodyPublishers.ofString(oversized))
                                      .build(),
                                  HttpResponse.BodyHandlers.ofString());
                      count(outcome, "oversized", r.statusCode());
                      if (r.statusCode() == 413) {
                        refused.incrementAndGet();
                      } else {
                        failures.add("oversized request answered " + r.statusCode());
                      }
                    } else if (kind == 7 && client % 16 == 0) {
                      badSent.incrementAndGet();
                      long start = System.nanoTime();
                      r = own.send(select(url, explosive), HttpResponse.BodyHandlers.ofString());
                      long ms = (System.nanoTime() - start) / 1_000_000;
                      count(outcome, "explosive", r.statusCode());
                      if (r.statusCode() == 503 && ms < 3 * TIMEOUT_SECONDS * 1000) {
                        refused.incrementAndGet();
                      } else {
                        failures.add(
                            "explosive query answered " + r.statusCode() + " after " + ms + " ms");
                      }
                    } else {
                      String name = names.get((client * ROUNDS + round) % names.size());
                      r =
                          own.send(
                              select(url, queries.get(name)), HttpResponse.BodyHandlers.ofString());
                      count(outcome, "catalogue", r.statusCode());
                      if (r.statusCode() != 200) {
                        failures.add(name + " answered " + r.statusCode() + ": " + r.body());
                      } else if (!rows(r.body()).equals(idle.get(name))) {
                        failures.add(name + " answered differently under load");
                      }
                    }
                  }
                  return null;
                }));
      }
      long start = System.nanoTime();
      go.countDown();
      for (Future<?> f : running) {
        f.get(120, TimeUnit.SECONDS);
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      sampler.interrupt();
      clients.shutdown();

      assertEquals(List.of(), List.copyOf(failures));
      assertEquals(badSent.get(), refused.get(), "every bad request, and only those, refused");
      HttpResponse<String> after =
          http.send(select(url, queries.get(names.get(0))), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, after.statusCode(), "the server is still up");
      assertEquals(idle.get(names.get(0)), rows(after.body()));
      System.gc();
      long heapAfter = memory.getHeapMemoryUsage().getUsed();
      long mb = 1024 * 1024;
      assertTrue(
          heapPeak.get() - heapBefore < 1024 * mb,
          "heap grew by " + (heapPeak.get() - heapBefore) / mb + " MB");
      System.out.printf(
          "endpoint load: %d clients, %d requests in %d ms %s; %d bad requests, %d refused;"
              + " heap %d MB before, peak %d MB, %d MB after%n",
          CLIENTS,
          CLIENTS * ROUNDS,
          ms,
          outcome,
          badSent.get(),
          refused.get(),
          heapBefore / mb,
          heapPeak.get() / mb,
          heapAfter / mb);
    }
  }

  static void count(Map<String, AtomicInteger> outcome, String kind, int status) {
    outcome.computeIfAbsent(kind + ":" + status, k -> new AtomicInteger()).incrementAndGet();
  }
}
