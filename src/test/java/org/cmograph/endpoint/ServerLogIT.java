package org.cmograph.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cmograph.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code cmograph serve} in its own JVM with a small heap (192 MiB) and the default
 * intermediate-results budget, its log4j output captured whole: clients' mistakes (400, 401, 405,
 * 413, 429, 503, a client that goes away mid-response) each leave short lines and no stack trace,
 * and three memory-hungry queries at once leave no {@code OutOfMemoryError} while the server goes
 * on answering.
 */
class ServerLogIT {
  static final String COUNT_STUDIES =
      "PREFIX cmo: <https://w3id.org/cmograph/ontology#> SELECT (COUNT(*) AS ?n) { ?s a cmo:Study }";

  @TempDir Path tmp;

  @Test
  void clientErrorsLeaveNoStackTraceAndMemoryBombsNoOutOfMemoryError() throws Exception {
    Path store = tmp.resolve("store");
    ChildJvm.Result load =
        ChildJvm.run("512m", List.of("load", "--store", store.toString(), "--quiet"));
    assertEquals(0, load.exit(), load.output());
    Path password = Files.writeString(tmp.resolve("pw"), "s3cret-pass\n");
    Process serve =
        ChildJvm.cmograph(
                "192m",
                List.of(
                    "serve",
                    "--store",
                    store.toString(),
                    "--port",
                    "0",
                    "--timeout",
                    "3",
                    "--max-request-mb",
                    "1",
                    "--update-user",
                    "curator",
                    "--password-file",
                    password.toString()))
            .start();
    List<String> log = new CopyOnWriteArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  log.add(line);
                }
              } catch (java.io.IOException e) {
                // the process ended
              }
            });
    reader.setDaemon(true);
    reader.start();
    try {
      String base = awaitBase(log, serve);
      String sparql = base + "cmo/sparql";
      String update = base + "cmo/update";
      List<String> statuses = new ArrayList<>();
      // 400: syntax, refused function, value bound, nesting, bad encoding, bad Authorization
      statuses.add(status(Http.post(sparql, "application/sparql-query", "SELECT * WHERE {")));
      statuses.add(
          status(
              Http.post(
                  sparql,
                  "application/sparql-query",
                  "SELECT (<java:java.lang.System>(1) AS ?x) {}")));
      statuses.add(
          status(
              Http.post(
                  sparql,
                  "application/sparql-query",
                  HostileQueryIT.expand("SELECT (STRLEN(?s26) AS ?n) { {CHAIN-CONCAT 26} }"))));
      statuses.add(
          status(
              Http.post(
                  sparql,
                  "application/sparql-query",
                  HostileQueryIT.expand("SELECT * {NESTED 1000}"))));
      statuses.add(
          rawStatus(
              base,
              "GET /cmo/sparql?query=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
      statuses.add(status(Http.postForm(update, "update=CLEAR ALL", "Authorization", "Basic !!!")));
      // 413 for bodies streamed in chunks past the limit: a query, and the update user's graph
      // write
      statuses.add(
          rawStatus(
              base, chunked("POST /cmo/sparql", "application/sparql-query", "", "SELECT * {} #")));
      statuses.add(
          rawStatus(
              base,
              chunked(
                  "PUT /cmo/data?graph=http://example.org/g",
                  "application/n-triples",
                  "Authorization: " + Http.basic("curator", "s3cret-pass") + "\r\n",
                  "<http://example.org/s> <http://example.org/p> \"")));
      // 401, 429: no or wrong credentials, then a guesser locked out
      statuses.add(status(Http.postForm(update, "update=CLEAR ALL")));
      for (int i = 0; i < 7; i++) {
        statuses.add(
            status(
                Http.postForm(
                    update,
                    "update=CLEAR ALL",
                    "Authorization",
                    Http.basic("curator", "guess" + i))));
      }
      // 405, 413, 503
      statuses.add(
          rawStatus(base, "TRACE / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
      statuses.add(
          status(Http.post(sparql, "application/sparql-query", "#" + "x".repeat(2 << 20))));
      statuses.add(
          status(
              Http.post(
                  sparql,
                  "application/sparql-query",
                  "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")));
      // A client that asks for a large result and goes away before reading it.
      try (Socket gone =
          new Socket(
              InetAddress.getLoopbackAddress(),
              Integer.parseInt(base.replaceAll(".*:(\\d+)/$", "$1")))) {
        gone.setReceiveBufferSize(4096);
        gone.getOutputStream()
            .write(
                ("GET /cmo/sparql?"
                        + Http.form("query", "SELECT * { ?s ?p ?o }")
                        + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/csv\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        gone.getOutputStream().flush();
        Thread.sleep(1_500);
      }
      System.out.println("[ServerLogIT] client errors answered: " + statuses);
      for (String s : List.of("400", "401", "405", "413", "429", "503")) {
        assertTrue(statuses.contains(s), s + " among " + statuses);
      }

      // Three memory-hungry queries at once under a 192 MiB heap, ordinary ones meanwhile.
      String fat = "{ ?a ?b ?c BIND(CONCAT(STR(?c), \"" + "x".repeat(100_000) + "\") AS ?fat) }";
      List<CompletableFuture<HttpResponse<String>>> hostile = new ArrayList<>();
      for (String q :
          List.of(
              "SELECT ?fat " + fat + " ORDER BY ?fat",
              "SELECT ?b (STRLEN(GROUP_CONCAT(?fat)) AS ?n) " + fat + " GROUP BY ?b",
              "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?fat " + fat + " }")) {
        hostile.add(
            CompletableFuture.supplyAsync(() -> Http.post(sparql, "application/sparql-query", q)));
      }
      int ordinary = 0;
      while (!hostile.stream().allMatch(CompletableFuture::isDone)) {
        HttpResponse<String> r =
            Http.get(sparql + "?" + Http.form("query", COUNT_STUDIES), "Accept", "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        ordinary++;
      }
      List<Integer> bombs = new ArrayList<>();
      for (var f : hostile) {
        bombs.add(f.get().statusCode());
      }
      System.out.println(
          "[ServerLogIT] three memory bombs under -Xmx192m: "
              + bombs
              + ", "
              + ordinary
              + " ordinary queries answered meanwhile");
      for (int s : bombs) {
        assertTrue(s == 400 || s == 503, "a memory bomb got " + s);
      }
      HttpResponse<String> after =
          Http.get(sparql + "?" + Http.form("query", COUNT_STUDIES), "Accept", "text/csv");
      assertEquals(200, after.statusCode(), "still serving: " + after.body());
      assertTrue(serve.isAlive());
    } finally {
      serve.destroy();
      serve.waitFor(30, TimeUnit.SECONDS);
      reader.join(5_000);
    }
    String all = String.join("\n", log);
    List<String> traces =
        log.stream()
            .filter(
                l ->
                    l.startsWith("\tat ")
                        || l.startsWith("Caused by:")
                        || l.matches("^[a-z]+(\\.[a-zA-Z0-9_$]+)+(Exception|Error)\\b.*"))
            .limit(20)
            .collect(Collectors.toList());
    assertTrue(
        traces.isEmpty(), "stack trace lines in the server log:\n" + String.join("\n", traces));
    assertFalse(all.contains("OutOfMemoryError"), "the server ran out of memory");
    assertFalse(all.contains("s3cret-pass"), "the password is in the log");
    long warnings = log.stream().filter(l -> l.contains(" WARN ")).count();
    System.out.println(
        "[ServerLogIT] server log: "
            + log.size()
            + " lines, "
            + warnings
            + " warnings, no stack trace");
  }

  /** A request whose body, after {@code start}, streams 2 MiB in chunks (over the 1 MiB limit). */
  private static String chunked(String requestLine, String type, String headers, String start) {
    StringBuilder b =
        new StringBuilder(
            requestLine
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + headers
                + "Content-Type: "
                + type
                + "\r\nTransfer-Encoding: chunked\r\n\r\n");
    b.append(Integer.toHexString(start.length())).append("\r\n").append(start).append("\r\n");
    String chunk = "x".repeat(64 * 1024);
    for (int i = 0; i < 32; i++) {
      b.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
    }
    return b.append("0\r\n\r\n").toString();
  }

  private static String status(HttpResponse<String> r) {
    return Integer.toString(r.statusCode());
  }

  private static String rawStatus(String base, String request) throws Exception {
    int port = Integer.parseInt(base.replaceAll(".*:(\\d+)/$", "$1"));
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      String response = new String(s.getInputStream().readNBytes(200), StandardCharsets.ISO_8859_1);
      Matcher m = Pattern.compile("^HTTP/1\\.1 (\\d{3})").matcher(response);
      return m.find() ? m.group(1) : response;
    }
  }

  /** Waits for the server's "landing page" line and returns its base URL. */
  private static String awaitBase(List<String> log, Process serve) throws InterruptedException {
    Pattern landing = Pattern.compile("landing page\\s+(http://\\S+/)");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline && serve.isAlive()) {
      for (String line : log) {
        Matcher m = landing.matcher(line);
        if (m.find()) {
          return m.group(1);
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the server did not start:\n" + String.join("\n", log));
  }
}
