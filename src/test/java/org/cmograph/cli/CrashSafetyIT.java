package org.cmograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cmograph.store.CmoStore;
import org.cmograph.testing.ChildJvm;
import org.cmograph.testing.Repo;
import org.cmograph.testing.StoreHash;
import org.cmograph.testing.StudyCopies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL at the worst moments: a {@code cmograph load} of many studies is killed in a child JVM
 * ({@link Process#destroyForcibly()}) before it opens the store and at points inside its one write
 * transaction (in which it also checks the files); each time the reopened store holds exactly what
 * it held before (same canonical hash), and a rerun of the same load then completes. The same for
 * {@code cmograph serve} killed with an authenticated update in flight: what was committed
 * survives, the update in flight leaves no trace.
 */
class CrashSafetyIT {
  static final int STUDIES = 80;

  @TempDir static Path tmp;
  static Path copies;

  @BeforeAll
  static void writeStudies() throws IOException {
    copies = StudyCopies.write(tmp.resolve("copies"), STUDIES);
  }

  static Path bundledStore(String name) {
    Path store = tmp.resolve(name);
    CliIT.Run r =
        CliIT.run("load", Repo.data().resolve("studies").toString(), "--store", store.toString());
    assertEquals(0, r.exit(), r.err());
    return store;
  }

  static Process startLoad(Path store, Path log) throws IOException {
    return ChildJvm.cmograph(
            "512m",
            List.of(
                "load",
                copies.toString(),
                "--sources",
                StudyCopies.sources().toString(),
                "--store",
                store.toString()))
        .redirectOutput(log.toFile())
        .start();
  }

  /** TDB2 writes the owning process's id into tdb.lock when it opens the store. */
  static boolean lockedBy(Path store, Process p) {
    try {
      return Files.readString(store.resolve("tdb.lock")).strip().equals(Long.toString(p.pid()));
    } catch (IOException e) {
      return false;
    }
  }

  /** The node data file grows on disk while the transaction writes (TDB2 appends to it). */
  static long nodeData(Path store) {
    try {
      return Files.size(store.resolve("Data-0001/nodes-data.obj"));
    } catch (IOException e) {
      return -1;
    }
  }

  static void await(String what, Process p, Path log, BooleanSupplier condition)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (!condition.getAsBoolean()) {
      assertTrue(p.isAlive(), "the load ended before " + what + ":\n" + Files.readString(log));
      assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
      Thread.sleep(5);
    }
  }

  record KillPoint(String name, KillCondition condition) {}

  interface KillCondition {
    void await(Path store, Process p, Path log) throws IOException, InterruptedException;
  }

  @Test
  void aLoadKilledAnywhereLeavesTheStoreAsItWasAndTheRerunCompletes() throws Exception {
    Path store = bundledStore("store");
    String before = StoreHash.of(store);
    List<KillPoint> points =
        List.of(
            new KillPoint(
                "1 s after start, before the store is opened", (s, p, log) -> Thread.sleep(1000)),
            new KillPoint(
                "0.3 s into the write transaction",
                (s, p, log) -> {
                  await("the store lock", p, log, () -> lockedBy(s, p));
                  Thread.sleep(300);
                }),
            new KillPoint(
                "after the transaction first wrote node data to disk",
                (s, p, log) -> {
                  long size = nodeData(s);
                  await("the lock", p, log, () -> lockedBy(s, p));
                  await("node data on disk", p, log, () -> nodeData(s) > size);
                }));
    for (KillPoint point : points) {
      Path log = tmp.resolve("kill-" + points.indexOf(point) + ".log");
      long start = System.nanoTime();
      Process p = startLoad(store, log);
      try {
        point.condition().await(store, p, log);
      } finally {
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no abort, no flush
        p.waitFor(60, TimeUnit.SECONDS);
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertFalse(Files.readString(log).contains("loaded "), "killed too late: " + point.name());
      long reopen = System.nanoTime();
      assertEquals(before, StoreHash.of(store), "after SIGKILL " + point.name());
      System.out.printf(
          "crash: SIGKILL %s (%d ms after start): store as before, reopened and hashed in %d ms%n",
          point.name(), ms, (System.nanoTime() - reopen) / 1_000_000);
    }
    Path log = tmp.resolve("rerun.log");
    Process rerun = startLoad(store, log);
    assertTrue(rerun.waitFor(600, TimeUnit.SECONDS), "rerun finished");
    assertEquals(0, rerun.exitValue(), Files.readString(log));
    assertTrue(
        Files.readString(log).contains("loaded " + STUDIES + " studies"), Files.readString(log));
    assertNotEquals(before, StoreHash.of(store));
    try (CmoStore s = CmoStore.open(store)) {
      assertEquals(20 + STUDIES, s.studyIds().size());
    }
  }

  @Test
  void serveKilledWithAnUpdateInFlightKeepsCommittedUpdatesOnly() throws Exception {
    Path store = bundledStore("served");
    Path password = Files.writeString(tmp.resolve("password"), "s3cret-for-test\n");
    Process serve =
        ChildJvm.cmograph(
                "1g",
                List.of(
                    "serve",
                    "--store",
                    store.toString(),
                    "--port",
                    "0",
                    "--update-user",
                    "writer",
                    "--password-file",
                    password.toString()))
            .start();
    try {
      String updateUrl = awaitLine(serve, Pattern.compile("SPARQL update\\s+(\\S+)"));
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      String auth =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString("writer:s3cret-for-test".getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> small =
          http.send(
              update(
                  updateUrl,
                  auth,
                  "INSERT DATA { GRAPH <urn:x-test:committed> { <urn:x-test:a> <urn:x-test:b> \"kept\" } }"),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(2, small.statusCode() / 100, small.statusCode() + " " + small.body());
      // A heavy update: a cross product of the data, millions of triples to insert.
      CompletableFuture<HttpResponse<String>> heavy =
          http.sendAsync(
              update(
                  updateUrl,
                  auth,
                  "INSERT { GRAPH <urn:x-test:lost> { ?s <urn:x-test:p> ?o2 } } WHERE { { SELECT ?s ?o2"
                      + " WHERE { GRAPH ?g { ?s ?p ?o } GRAPH ?h { ?s2 ?p2 ?o2 } } LIMIT 1000000 } }"),
              HttpResponse.BodyHandlers.ofString());
      Thread.sleep(2000);
      assertFalse(heavy.isDone(), "the update must still be running when the server is killed");
      serve.destroyForcibly();
      serve.waitFor(60, TimeUnit.SECONDS);
    } finally {
      serve.destroyForcibly();
    }
    try (CmoStore s = CmoStore.open(store)) {
      String ask =
          org.apache.jena.system.Txn.calculateRead(
              s.dataset(),
              () ->
                  String.valueOf(
                          s.dataset()
                              .containsGraph(
                                  org.apache.jena.graph.NodeFactory.createURI(
                                      "urn:x-test:committed")))
                      + "/"
                      + s.dataset()
                          .containsGraph(
                              org.apache.jena.graph.NodeFactory.createURI("urn:x-test:lost")));
      assertEquals("true/false", ask, "committed update kept / update in flight gone");
    }
    System.out.println(
        "crash: SIGKILL of serve with a 1M-triple update in flight: committed update kept, the other gone");
  }

  static HttpRequest update(String url, String auth, String update) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(120))
        .header("Authorization", auth)
        .header("Content-Type", "application/sparql-update")
        .POST(HttpRequest.BodyPublishers.ofString(update))
        .build();
  }

  /** Reads the child's output until a line matches; returns the first group. */
  static String awaitLine(Process p, Pattern pattern) throws Exception {
    LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // the process was killed
              }
            });
    reader.setDaemon(true);
    reader.start();
    StringBuilder seen = new StringBuilder();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      if (line != null) {
        seen.append(line).append('\n');
        Matcher m = pattern.matcher(line);
        if (m.find()) {
          return m.group(1);
        }
      } else if (!p.isAlive()) {
        break;
      }
    }
    throw new AssertionError("server did not start:\n" + seen);
  }
}
