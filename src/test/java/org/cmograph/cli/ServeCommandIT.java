package org.cmograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cmograph.store.CmoStore;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code cmograph serve} as a process: it prints its URLs when ready, answers queries, and on
 * SIGTERM (what Ctrl-C and service managers send) stops the server and closes the store, so the
 * store can be opened again at once.
 */
class ServeCommandIT {
  static final Pattern QUERY_URL = Pattern.compile("SPARQL query\\s+(http://\\S+/cmo/sparql)");

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cli = CmographCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return new Run(cli.execute(args), out.toString(), err.toString());
  }

  @Test
  void serveStartsAnswersAndStopsCleanlyOnSigterm(@TempDir Path tmp) throws Exception {
    Path store = tmp.resolve("store");
    Run load = run("load", Repo.data().resolve("studies").toString(), "--store", store.toString());
    assertEquals(0, load.exit(), load.err());

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Dcmograph.home=" + Repo.root());
    // A temporary folder of its own, to see the summaries' folder made and removed.
    Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
    command.add("-Djava.io.tmpdir=" + javaTmp);
    command.add(CmographCommand.class.getName());
    command.addAll(List.of("serve", "--store", store.toString(), "--port", "0"));
    long started = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    StringBuilder output = new StringBuilder();
    CompletableFuture<String> url = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  synchronized (output) {
                    output.append(line).append('\n');
                  }
                  if (line.startsWith("Press Ctrl-C")) {
                    Matcher m;
                    synchronized (output) {
                      m = QUERY_URL.matcher(output);
                    }
                    if (m.find()) {
                      url.complete(m.group(1));
                    }
                  }
                }
              } catch (IOException e) {
                url.completeExceptionally(e);
              }
              url.completeExceptionally(new IllegalStateException("serve ended: " + output));
            });
    reader.setDaemon(true);
    reader.start();
    try {
      String queryUrl = url.get(120, TimeUnit.SECONDS);
      long readyMs = (System.nanoTime() - started) / 1_000_000;
      System.out.println("cmograph serve: process start to URLs printed in " + readyMs + " ms");
      String out;
      synchronized (output) {
        out = output.toString();
      }
      assertTrue(out.contains("cmograph serves 20 studies"), out);
      assertTrue(out.contains("landing page   http://localhost:"), out);
      assertTrue(out.contains("updates        off"), out);

      String q =
          "PREFIX cmo: <https://w3id.org/cmograph/ontology#> SELECT (COUNT(*) AS ?n) { ?s a cmo:Study }";
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              queryUrl + "?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                      .header("Accept", "text/csv")
                      .timeout(Duration.ofSeconds(30))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals("n\r\n20\r\n", r.body());
      HttpResponse<String> summaries =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(queryUrl.replace("/cmo/sparql", "/summaries/")))
                      .timeout(Duration.ofSeconds(60))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, summaries.statusCode());
      assertEquals(1, summaryFolders(javaTmp).size(), "the summaries are written on first request");
      // serve finds the workspace's data/sources: a bundled quote is highlighted in its source.
      HttpResponse<String> source =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              queryUrl.replace(
                                  "/cmo/sparql",
                                  "/sources/gillard-2014-change-model?quote=gillard-2014/mechanism-i")))
                      .timeout(Duration.ofSeconds(30))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, source.statusCode(), source.body());
      assertTrue(
          source.body().contains("<mark class=\"quote-highlight\" id=\"quote\""), source.body());

      process.destroy(); // SIGTERM
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "serve stopped on SIGTERM");
      assertEquals(143, process.exitValue(), "ended by SIGTERM, after the shutdown hook ran");
    } finally {
      if (process.isAlive()) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    assertEquals(List.of(), summaryFolders(javaTmp), "the shutdown hook removed the summaries");
    // The shutdown hook closed the store: it opens again at once, with its data.
    try (CmoStore reopened = CmoStore.open(store)) {
      assertEquals(20, reopened.studyIds().size());
    }
  }

  static List<Path> summaryFolders(Path dir) throws IOException {
    try (var entries = Files.list(dir)) {
      return entries
          .filter(p -> p.getFileName().toString().startsWith("cmograph-summaries-"))
          .toList();
    }
  }

  @Test
  void updateOptionsGoTogether(@TempDir Path tmp) throws IOException {
    assertEquals(2, run("serve", "--update-user", "reviewer", "--store", tmp.toString()).exit());
    Path password = tmp.resolve("password");
    Files.writeString(password, "secret\n");
    assertEquals(
        2, run("serve", "--password-file", password.toString(), "--store", tmp.toString()).exit());
    assertEquals(2, run("serve", "--max-rows", "0", "--store", tmp.toString()).exit());
    assertEquals(2, run("serve", "--timeout", "0", "--store", tmp.toString()).exit());
    Path empty = tmp.resolve("empty");
    Files.writeString(empty, "\n");
    Run r =
        run(
            "serve",
            "--update-user",
            "reviewer",
            "--password-file",
            empty.toString(),
            "--store",
            tmp.resolve("s").toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("is empty"), r.err());
  }

  @Test
  void aPortInUseIsNamedNotThrown(@TempDir Path tmp) throws IOException {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Run r =
          run(
              "serve",
              "--port",
              Integer.toString(taken.getLocalPort()),
              "--store",
              tmp.resolve("s").toString());
      assertEquals(1, r.exit());
      assertTrue(r.err().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), r.err());
      assertTrue(!r.err().contains("\tat "), r.err());
    }
  }

  /**
   * The launcher's warm-up run: starts, answers its own requests (a query, the landing page, the
   * summaries), stops and closes the store; an empty store it fills with the bundled studies first.
   */
  @Test
  void warmUpAnswersItsRequestsThenStops(@TempDir Path tmp) {
    Path store = tmp.resolve("store");
    assertEquals(
        0,
        run("load", Repo.data().resolve("studies").toString(), "--store", store.toString()).exit());
    Run r = run("serve", "--store", store.toString(), "--port", "0", "--warm-up");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("cmograph serves 20 studies"), r.out());
    try (CmoStore reopened = CmoStore.open(store)) {
      assertEquals(20, reopened.studyIds().size());
    }
    // On an empty store (what the launcher gives it), after loading the bundled studies.
    Run empty =
        run("serve", "--store", tmp.resolve("empty").toString(), "--port", "0", "--warm-up");
    assertEquals(0, empty.exit(), empty.err());
    assertTrue(empty.out().contains("cmograph serves 20 studies"), empty.out());
  }
}
