package org.cmograph.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.cmograph.report.Summaries;
import org.cmograph.store.CmoStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML summaries under /summaries/: written once, on demand, and nothing outside them. */
class SummaryPagesIT {
  @Test
  void servesTheSummariesAndNothingElse(@TempDir Path tmp) {
    CmoStore store = BundledStore.get();
    AtomicInteger writes = new AtomicInteger();
    EndpointServer server =
        EndpointServer.start(
            store.dataset(),
            EndpointServer.Settings.defaults().withPort(0),
            BundledStore.catalogue(),
            () -> {
              writes.incrementAndGet();
              try {
                Summaries.writeHtmlSite(store, tmp);
                return tmp;
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    try {
      assertEquals(0, writes.get(), "nothing is written before the first request");
      HttpResponse<String> index = Http.get(server.baseUrl() + "summaries/");
      assertEquals(200, index.statusCode());
      assertTrue(index.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
      assertTrue(index.body().contains("Trusting relationship"), "a mechanism is summarised");
      Http.get(server.baseUrl() + "summaries/index.html");
      assertEquals(1, writes.get(), "the site is written once");
      assertTrue(Files.exists(tmp.resolve("index.html")));
      int traversal = Http.get(server.baseUrl() + "summaries/%2e%2e/%2e%2e/pom.xml").statusCode();
      assertTrue(traversal == 404 || traversal == 400, "no file outside the summaries: " + traversal);
      assertEquals(404, Http.get(server.baseUrl() + "summaries/no-such-page.html").statusCode());
    } finally {
      server.close();
    }
  }
}
