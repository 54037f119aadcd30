package org.cmograph.endpoint;

import static org.cmograph.endpoint.Http.basic;
import static org.cmograph.endpoint.Http.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.cmograph.store.CmoStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The update path with the update user's credentials, against a real server on loopback: whatever
 * the update text (syntax errors after the harmful operation, several operations, {@code SERVICE},
 * {@code LOAD} of a file or a URL, extension functions), no local file is read, no request leaves
 * the server, and an update that runs too long is stopped with nothing changed.
 */
class UpdatePathSecurityIT {
  static final String USER = EndpointSecurityIT.USER;
  static final String PASSWORD = EndpointSecurityIT.PASSWORD;
  static final String SECRET = "SECRET-7f3a9c";

  static EndpointServer writable(CmoStore store, Duration timeout) {
    return EndpointServer.start(
        store.dataset(),
        BundledStore.testSettings()
            .withTimeout(timeout)
            .withUpdateUser(new ServerSettings.Credentials(USER, PASSWORD)),
        List::of);
  }

  static HttpResponse<String> update(EndpointServer server, String update) {
    return Http.postForm(
        server.updateUrl(), form("update", update), "Authorization", basic(USER, PASSWORD));
  }

  static HttpResponse<String> updateBody(EndpointServer server, String update) {
    return Http.post(
        server.updateUrl(),
        "application/sparql-update",
        update,
        "Authorization",
        basic(USER, PASSWORD));
  }

  static String dump(DatasetGraph dsg) {
    return Txn.calculateRead(
        dsg,
        () -> {
          StringBuilder b = new StringBuilder();
          dsg.find().forEachRemaining(q -> b.append(q).append('\n'));
          return b.toString();
        });
  }

  /** Harmful update texts around {@code target}, a file or URL the server must never read. */
  static List<String> hostile(String target, String listener) {
    String ok =
        "INSERT DATA { GRAPH <http://example.org/first> { <http://example.org/s> <http://example.org/p> \"ran\" } }";
    String service =
        "INSERT { GRAPH <http://example.org/g> { ?s ?p ?o } } WHERE { SERVICE <"
            + listener
            + "> { ?s ?p ?o } }";
    return List.of(
        "LOAD <" + target + ">",
        "LOAD SILENT <" + target + ">",
        "LOAD <" + target + "> INTO GRAPH <http://example.org/g>",
        "LOAD <" + target + "> INTO GRAPH <http://example.org/g> ; this is not SPARQL",
        "LOAD <" + target + "> ; LOAD <" + target + "> }",
        ok
            + " ; LOAD <"
            + target
            + "> INTO GRAPH <http://example.org/g> ; "
            + ok
            + " ; }}} syntax error",
        ok + " ; LOAD <" + target + "> INTO GRAPH <http://example.org/g> ; " + service,
        "LOAD <" + target + "> INTO GRAPH <http://example.org/g> ; " + service + " ; ?",
        service,
        service + " ; }",
        "INSERT { GRAPH <http://example.org/g> { ?s ?p ?o } } WHERE { BIND(IRI(\""
            + listener
            + "\") AS ?svc) SERVICE ?svc { ?s ?p ?o } }",
        "INSERT { GRAPH <http://example.org/g> { <http://example.org/s> <http://example.org/p> ?o } } WHERE { FILTER EXISTS { SERVICE SILENT <"
            + listener
            + "> { ?x ?y ?z } } BIND(1 AS ?o) }",
        "DELETE { ?s ?p ?o } WHERE { { SELECT ?s ?p ?o WHERE { SERVICE <"
            + listener
            + "> { ?s ?p ?o } } } }",
        "INSERT { GRAPH <http://example.org/g> { <http://example.org/s> <http://example.org/p> ?o } } WHERE { BIND(<"
            + listener
            + "fn>(\""
            + target
            + "\") AS ?o) }",
        "INSERT { GRAPH <http://example.org/g> { <http://example.org/s> <http://example.org/p> ?o } } WHERE { BIND(<http://jena.apache.org/ARQ/function#apply>(IRI(\""
            + listener
            + "\"), 1) AS ?o) }",
        "INSERT { GRAPH <http://example.org/g> { <http://example.org/s> <http://example.org/p> ?o } } WHERE { BIND(<java:org.apache.jena.sparql.function.library.wait>(1) AS ?o) }",
        "INSERT { GRAPH <http://example.org/g> { ?s <http://example.org/p> ?o } } WHERE { ?s <java:org.apache.jena.sparql.pfunction.library.splitIRI> (?o ?x) }",
        "INSERT { GRAPH <http://example.org/g> { <http://example.org/s> <http://example.org/p> ?o } } WHERE { BIND(CALL(IRI(\""
            + listener
            + "\"), 1) AS ?o) }",
        "INSERT { GRAPH <http://example.org/g> { <http://example.org/s> <http://example.org/p> ?o } } WHERE { { SELECT (<"
            + listener
            + "agg>(?x) AS ?o) WHERE { VALUES ?x { 1 } } } }",
        // ARQ extensions, not SPARQL 1.1: refused by the parser before anything runs.
        "INSERT { GRAPH <http://example.org/g> { <http://example.org/s> <http://example.org/p> ?o } } WHERE { LET (?o := 1) }",
        "INSERT { GRAPH <http://example.org/g> { <http://example.org/s> <http://example.org/p> ?o } } WHERE { LATERAL { SERVICE <"
            + listener
            + "> { ?s ?p ?o } } }");
  }

  @Test
  void aLocalFileIsNeverReadWhateverTheUpdateText(@TempDir Path dir) throws IOException {
    Path secret =
        Files.writeString(
            dir.resolve("secret.ttl"),
            "<http://example.org/s> <http://example.org/p> \"" + SECRET + "\" .\n");
    try (CmoStore store = CmoStore.inMemory();
        Listener listener = new Listener();
        EndpointServer server = writable(store, Duration.ofSeconds(5))) {
      String before = dump(store.dataset());
      List<String> targets =
          List.of(
              secret.toUri().toString(),
              "file://" + secret,
              "FILE://" + secret,
              "file:" + secret,
              secret.toString(),
              "file:///" + secret.toString().substring(1).replace("/", "/./"));
      int sent = 0;
      for (String target : targets) {
        for (String text : hostile(target, listener.url())) {
          for (HttpResponse<String> r : List.of(update(server, text), updateBody(server, text))) {
            sent++;
            assertEquals(400, r.statusCode(), text + " -> " + r.body());
            assertFalse(r.body().contains(SECRET), r.body());
          }
        }
      }
      assertTrue(sent > 200, "sent " + sent);
      String after = dump(store.dataset());
      assertFalse(after.contains(SECRET), "the file's content reached the store");
      assertEquals(
          before, after, "a refused request changes nothing, not even its first operations");
      assertEquals(0, listener.accepted(), "connections to the loopback listener");
    }
  }

  @Test
  void aLoopbackListenerSeesNoRequestWhateverTheUpdateText() throws IOException {
    try (CmoStore store = CmoStore.inMemory();
        Listener listener = new Listener();
        EndpointServer server = writable(store, Duration.ofSeconds(5))) {
      String url = listener.url();
      for (String text : hostile(url + "data.ttl", url)) {
        HttpResponse<String> r = update(server, text);
        assertEquals(400, r.statusCode(), text + " -> " + r.body());
      }
      // Graph names that look like URLs are only names in the store: accepted, nothing fetched.
      List<String> harmless =
          List.of(
              "INSERT DATA { GRAPH <"
                  + url
                  + "g> { <"
                  + url
                  + "s> <"
                  + url
                  + "p> <"
                  + url
                  + "o> } }",
              "ADD <"
                  + url
                  + "g> TO <"
                  + url
                  + "h> ; COPY <"
                  + url
                  + "h> TO <"
                  + url
                  + "i> ; MOVE <"
                  + url
                  + "i> TO DEFAULT",
              "DELETE { ?s ?p ?o } USING <" + url + "data.ttl> WHERE { ?s ?p ?o }",
              "WITH <" + url + "g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
              "CREATE SILENT GRAPH <"
                  + url
                  + "c> ; CLEAR SILENT GRAPH <"
                  + url
                  + "c> ; DROP SILENT GRAPH <"
                  + url
                  + "c>",
              "INSERT { GRAPH <http://example.org/g> { ?s <http://example.org/p> ?o } } WHERE { ?s <http://jena.apache.org/ARQ/property#splitIRI> (?o ?x) }");
      for (String text : harmless) {
        HttpResponse<String> r = update(server, text);
        assertEquals(200, r.statusCode(), text + " -> " + r.body());
      }
      HttpResponse<String> using =
          Http.postForm(
              server.updateUrl()
                  + "?using-graph-uri="
                  + java.net.URLEncoder.encode(
                      url + "data.ttl", java.nio.charset.StandardCharsets.UTF_8),
              form(
                  "update",
                  "INSERT { GRAPH <http://example.org/g> { ?s ?p ?o } } WHERE { ?s ?p ?o }"),
              "Authorization",
              basic(USER, PASSWORD));
      assertTrue(using.statusCode() == 200 || using.statusCode() == 400, using.body());
      assertEquals(0, listener.accepted(), "connections to the loopback listener");
    }
  }

  @Test
  void anUpdateOverTheTimeLimitStopsAndChangesNothing() {
    try (CmoStore store = CmoStore.inMemory();
        EndpointServer server = writable(store, Duration.ofSeconds(1))) {
      StringBuilder data = new StringBuilder("INSERT DATA { GRAPH <http://example.org/data> {");
      for (int i = 0; i < 200; i++) {
        data.append(" <http://example.org/s")
            .append(i)
            .append("> <http://example.org/p> \"v")
            .append(i)
            .append("\" .");
      }
      assertEquals(200, update(server, data.append(" } }").toString()).statusCode());
      String before = dump(store.dataset());
      // 200^4 = 1.6e9 combinations; the filter needs all four, so it cannot be pushed down.
      String explosive =
          "INSERT { GRAPH <http://example.org/out> { ?a <http://example.org/q> ?d } } WHERE {"
              + " GRAPH <http://example.org/data> { ?a ?p1 ?x . ?b ?p2 ?y . ?c ?p3 ?z . ?d ?p4 ?w }"
              + " FILTER(CONCAT(?x, ?y, ?z, ?w) = \"never\") }";
      long start = System.nanoTime();
      HttpResponse<String> r = update(server, explosive);
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(503, r.statusCode(), r.body());
      assertTrue(r.body().contains("timed out"), r.body());
      assertTrue(millis < 5_000, "answered after " + millis + " ms with a 1 s limit");
      assertEquals(before, dump(store.dataset()), "nothing was changed");
      long next = System.nanoTime();
      assertEquals(
          200,
          update(
                  server,
                  "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/s> <http://example.org/p> 1 } }")
              .statusCode());
      assertTrue(
          (System.nanoTime() - next) / 1_000_000 < 2_000, "the next update is answered at once");
    }
  }

  @Test
  void ordinaryUpdatesStillWork() {
    try (CmoStore store = CmoStore.inMemory();
        EndpointServer server = writable(store, Duration.ofSeconds(5))) {
      assertEquals(
          200,
          update(
                  server,
                  "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/s> <http://example.org/p> \"7\" } }")
              .statusCode());
      HttpResponse<String> r =
          update(
              server,
              "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"
                  + "INSERT { GRAPH <http://example.org/h> { ?s <http://example.org/n> ?n } } WHERE {"
                  + " GRAPH <http://example.org/g> { ?s ?p ?o } BIND(xsd:integer(?o) + STRLEN(UCASE(?o)) AS ?n)"
                  + " FILTER(REGEX(?o, \"^[0-9]+$\")) } ;\n"
                  + "DELETE WHERE { GRAPH <http://example.org/g> { ?s ?p ?o } } ;\n"
                  + "COPY <http://example.org/h> TO <http://example.org/i> ; DROP GRAPH <http://example.org/h>");
      assertEquals(200, r.statusCode(), r.body());
      String after = dump(store.dataset());
      assertTrue(after.contains("\"8\"") && after.contains("http://example.org/i"), after);
      assertFalse(after.contains("http://example.org/h "), after);
    }
  }

  /** A bare TCP listener on loopback that counts the connections it accepts. */
  static final class Listener implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread thread;

    Listener() throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      socket.setSoTimeout(200);
      thread =
          new Thread(
              () -> {
                while (!socket.isClosed()) {
                  try (Socket s = socket.accept()) {
                    accepted.incrementAndGet();
                  } catch (SocketTimeoutException e) {
                    // poll for close
                  } catch (IOException e) {
                    return;
                  }
                }
              },
              "loopback-listener");
      thread.setDaemon(true);
      thread.start();
    }

    String url() {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/";
    }

    int accepted() {
      return accepted.get();
    }

    @Override
    public void close() throws IOException {
      socket.close();
      try {
        thread.join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
