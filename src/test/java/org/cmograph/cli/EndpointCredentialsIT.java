package org.cmograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --user} and {@code --password-file} reach a server that wants them for reads too (a shared
 * store behind authentication): the dataset read of {@code export --endpoint} and the SPARQL
 * request of {@code query --endpoint} carry HTTP Basic credentials; without them the command stops
 * with the endpoint-failed or query-failed link.
 */
class EndpointCredentialsIT {
  static final String QUADS =
      "<http://example.org/s> <http://example.org/p> \"o\" <http://example.org/g> .\n";
  static final String RESULTS =
      "{\"head\":{\"vars\":[\"n\"]},\"results\":{\"bindings\":[{\"n\":{\"type\":\"literal\","
          + "\"value\":\"1\"}}]}}";

  @Test
  void readsThroughAnEndpointSendTheCredentials(@TempDir Path tmp) throws IOException {
    String expected =
        "Basic "
            + Base64.getEncoder().encodeToString("reader:s3cret".getBytes(StandardCharsets.UTF_8));
    List<String> seen = new CopyOnWriteArrayList<>();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/ds/",
        exchange -> {
          String auth = exchange.getRequestHeaders().getFirst("Authorization");
          seen.add(exchange.getRequestURI().getPath() + " " + auth);
          if (!expected.equals(auth)) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"ds\"");
            respond(exchange, 401, "text/plain", "who are you?");
          } else if (exchange.getRequestURI().getPath().endsWith("/get")) {
            respond(exchange, 200, "application/n-quads", QUADS);
          } else {
            respond(exchange, 200, "application/sparql-results+json", RESULTS);
          }
        });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/ds/";
      Path password = Files.writeString(tmp.resolve("pw"), "s3cret\n");
      Path out = tmp.resolve("out.nq");

      CliIT.Run anonymous =
          CliIT.run(
              "export", "--format", "nq", "--out", out.toString(), "--endpoint", base + "get");
      assertEquals(1, anonymous.exit(), anonymous.err());
      assertTrue(anonymous.err().contains("HTTP 401"), anonymous.err());
      assertTrue(
          anonymous.err().strip().endsWith("(see docs/errors.md#endpoint-failed)"),
          anonymous.err());

      CliIT.Run export =
          CliIT.run(
              "export",
              "--format",
              "nq",
              "--out",
              out.toString(),
              "--endpoint",
              base + "get",
              "--user",
              "reader",
              "--password-file",
              password.toString());
      assertEquals(0, export.exit(), export.err());
      assertEquals(QUADS, Files.readString(out));

      Path rq = Files.writeString(tmp.resolve("n.rq"), "SELECT ?n WHERE { BIND(\"1\" AS ?n) }\n");
      CliIT.Run query =
          CliIT.run(
              "query",
              rq.toString(),
              "--format",
              "csv",
              "--endpoint",
              base + "sparql",
              "--user",
              "reader",
              "--password-file",
              password.toString());
      assertEquals(0, query.exit(), query.err() + seen);
      assertEquals(List.of("n", "1"), query.out().strip().lines().map(String::strip).toList());
      assertTrue(seen.contains("/ds/sparql " + expected), seen.toString());
    } finally {
      server.stop(0);
    }
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream o = exchange.getResponseBody()) {
      o.write(bytes);
    }
  }
}
