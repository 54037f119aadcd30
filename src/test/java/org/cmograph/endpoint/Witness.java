package org.cmograph.endpoint;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A server the endpoint must never call: it answers anything with a little valid RDF (so a fetch
 * would succeed, not fail for some other reason) and records every request it gets. A security test
 * points SERVICE, LOAD, a JSON-LD context or an XML entity at it, then asserts it heard nothing.
 */
final class Witness implements AutoCloseable {
  private final HttpServer server;
  private final List<String> heard = new CopyOnWriteArrayList<>();

  Witness() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          heard.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
          String path = exchange.getRequestURI().getPath();
          String type;
          String body;
          if (path.endsWith(".jsonld")) {
            type = "application/ld+json";
            body = "{\"@context\": {\"name\": \"http://example.org/name\"}}";
          } else if (path.endsWith("sparql")) {
            type = "application/sparql-results+json";
            body = "{\"head\":{\"vars\":[\"s\"]},\"results\":{\"bindings\":[]}}";
          } else {
            type = "text/turtle";
            body = "<http://example.org/s> <http://example.org/p> \"fetched\" .";
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", type);
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  List<String> heard() {
    return List.copyOf(heard);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
