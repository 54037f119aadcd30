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
          Http.get(server.summaryUrl() + "?mechanism=hope&mechanism=a%20b&format=json");
      assertEquals(200, json.statusCode());
      assertEquals("json [hope, a b] [] é", json.body());
      assertTrue(
          json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
      assertEquals("true", json.headers().firstValue(EndpointServer.NO_THEORY_HEADER).orElse(""));

      HttpResponse<String> md = Http.get(server.summaryUrl() + "?theory-cmoc=t1");
      assertEquals("md [] [t1] é", md.body(), "md is the default format");
      assertTrue(md.headers().firstValue("Content-Type").orElse("").startsWith("text/markdown"));
      assertFalse(md.headers().firstValue(EndpointServer.NO_THEORY_HEADER).isPresent());

      HttpResponse<String> unknown = Http.get(server.summaryUrl() + "?mechanism=no-such");
      assertEquals(400, unknown.statusCode());
      assertEquals("unknown mechanism 'no-such'\nsecond line\n", unknown.body());

      HttpResponse<String> docx = Http.get(server.summaryUrl() + "?format=docx");
      assertEquals(400, docx.statusCode());
      assertTrue(docx.body().contains("use md, html or json"), docx.body());
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
          CompletableFuture.supplyAsync(() -> Http.get(server.summaryUrl() + "?mechanism=a"));
      assertTrue(entered.await(30, TimeUnit.SECONDS));
      HttpResponse<String> second = Http.get(server.summaryUrl() + "?mechanism=b");
      assertEquals(503, second.statusCode(), second.body());
      release.countDown();
      assertEquals("done", first.get(30, TimeUnit.SECONDS).body());
      assertEquals("done", Http.get(server.summaryUrl() + "?mechanism=b").body());
    }
  }

  @Test
  void onlyThisMachineIsAnswered() {
    assertTrue(SummaryDocument.local("127.0.0.1"));
    assertTrue(SummaryDocument.local("127.3.4.5"));
    assertTrue(SummaryDocument.local("0:0:0:0:0:0:0:1"));
    assertTrue(SummaryDocument.local("[::1]"));
    assertFalse(SummaryDocument.local("192.168.1.5"));
    assertFalse(SummaryDocument.local("2001:db8::1"));
    assertFalse(SummaryDocument.local("localhost"), "a name is not looked up");
    assertFalse(SummaryDocument.local(""));
    assertFalse(SummaryDocument.local(null));
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
