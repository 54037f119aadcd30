package org.cmograph.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /summary}: the selection and format reach the renderer as the command line gave them,
 * the document comes back with its type, problems as 400, one document at a time, and only to
 * clients on this machine.
 */
class SummaryDocumentIT {
  @Test
  void theSelectionReachesTheRendererAndItsDocumentComesBack() {
    SummaryRenderer renderer =
        (mechanisms, cmocs, format) ->
            mechanisms.contains("no-such")
                ? new SummaryRenderer.Rendered(
                    null, List.of("unknown mechanism 'no-such'", "second line"), false)
                : new SummaryRenderer.Rendered(
                    format + " " + mechanisms + " " + cmocs + " é", List.of(), cmocs.isEmpty());
    try (EndpointServer server = start(renderer, Duration.ofSeconds(5))) {
      HttpResponse<String> json =
          get(server, "?mechanism=hope&mechanism=a%20b&mechanism=hope&format=json");
      assertEquals(200, json.statusCode());
      assertEquals("json [hope, a b] [] é", json.body(), "each id once, in the order given");
      assertTrue(
          json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
      assertEquals("true", json.headers().firstValue(EndpointServer.NO_THEORY_HEADER).orElse(""));

      HttpResponse<String> md = get(server, "?theory-cmoc=t1");
      assertEquals("md [] [t1] é", md.body(), "md is the default format");
      assertTrue(md.headers().firstValue("Content-Type").orElse("").startsWith("text/markdown"));
      assertFalse(md.headers().firstValue(EndpointServer.NO_THEORY_HEADER).isPresent());

      HttpResponse<String> unknown = get(server, "?mechanism=no-such");
      assertEquals(400, unknown.statusCode());
      assertEquals("unknown mechanism 'no-such'\nsecond line\n", unknown.body());

      HttpResponse<String> docx = get(server, "?format=docx");
      assertEquals(400, docx.statusCode());
      assertTrue(docx.body().contains("use md, html or json"), docx.body());

      StringBuilder many = new StringBuilder("?format=md");
      for (int i = 0; i <= SummaryDocument.MAX_IDS; i++) {
        many.append("&mechanism=m").append(i);
      }
      HttpResponse<String> tooMany = get(server, many.toString());
      assertEquals(400, tooMany.statusCode());
      assertTrue(tooMany.body().contains("at most " + SummaryDocument.MAX_IDS), tooMany.body());

      assertEquals(
          405,
          Http.method(
                  "HEAD",
                  server.summaryUrl() + "?mechanism=hope",
                  null,
                  java.net.http.HttpRequest.BodyPublishers.noBody(),
                  EndpointServer.TOKEN_HEADER,
                  server.summaryToken())
              .statusCode(),
          "a HEAD writes nothing");
    }
  }

  @Test
  void oneDocumentAtATime() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    SummaryRenderer slow =
        (mechanisms, cmocs, format) -> {
          entered.countDown();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return new SummaryRenderer.Rendered("done", List.of(), false);
        };
    try (EndpointServer server = start(slow, Duration.ofMillis(300))) {
      CompletableFuture<HttpResponse<String>> first =
          CompletableFuture.supplyAsync(() -> get(server, "?mechanism=a"));
      assertTrue(entered.await(30, TimeUnit.SECONDS));
      HttpResponse<String> second = get(server, "?mechanism=b");
      assertEquals(503, second.statusCode(), second.body());
      release.countDown();
      assertEquals("done", first.get(30, TimeUnit.SECONDS).body());
      assertEquals("done", get(server, "?mechanism=b").body());
    }
  }

  @Test
  void onlyTheServersOwnCommandsAreAnswered() {
    SummaryRenderer renderer =
        (mechanisms, cmocs, format) -> new SummaryRenderer.Rendered("doc", List.of(), false);
    try (EndpointServer server = start(renderer, Duration.ofSeconds(5))) {
      assertEquals(200, get(server, "?mechanism=hope").statusCode());
      assertEquals(403, Http.get(server.summaryUrl() + "?mechanism=hope").statusCode());
      assertEquals(
          403,
          Http.get(
                  server.summaryUrl() + "?mechanism=hope",
                  EndpointServer.TOKEN_HEADER,
                  server.summaryToken() + "x")
              .statusCode());
    }
  }

  @Test
  void onlyThisMachineIsAnswered() {
    assertTrue(SummaryDocument.allowed("127.0.0.1", "127.0.0.1"));
    assertTrue(SummaryDocument.allowed("127.3.4.5", "127.0.0.1"));
    assertTrue(SummaryDocument.allowed("0:0:0:0:0:0:0:1", "0:0:0:0:0:0:0:1"));
    assertTrue(SummaryDocument.allowed("[::1]", "[::1]"));
    assertTrue(
        SummaryDocument.allowed("192.168.1.5", "192.168.1.5"),
        "a command on the machine, to a server bound to the machine's address");
    assertFalse(SummaryDocument.allowed("192.168.1.6", "192.168.1.5"));
    assertFalse(SummaryDocument.allowed("2001:db8::1", "2001:db8::2"));
    assertFalse(SummaryDocument.loopback("localhost"), "a name is not looked up");
    assertFalse(SummaryDocument.allowed("", ""));
    assertFalse(SummaryDocument.allowed(null, null));
  }

  /** A GET with the server's token, as {@code cmograph summary} sends it. */
  private static HttpResponse<String> get(EndpointServer server, String query) {
    return Http.get(
        server.summaryUrl() + query, EndpointServer.TOKEN_HEADER, server.summaryToken());
  }

  private static EndpointServer start(SummaryRenderer renderer, Duration wait) {
    return EndpointServer.start(
        BundledStore.get().dataset(),
        ServerSettings.defaults().withPort(0).withConcurrentQueries(4, wait),
        BundledStore.catalogue(),
        null,
        null,
        renderer);
  }
}
