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
  void servesTheSummariesAndNothingElse(@TempDir Path tmp) throws IOException {
    CmoStore store = BundledStore.get();
    AtomicInteger writes = new AtomicInteger();
    EndpointServer server =
        EndpointServer.start(
            store.dataset(),
            ServerSettings.defaults().withPort(0),
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
      // Served with the site's header, and links to the graph's IRIs pointed at this server.
      assertTrue(index.body().contains("<header class=\"site-header\">"), "the site header");
      assertTrue(
          index.body().contains("<a href=\"/summaries/\" aria-current=\"page\">"),
          "Summaries is the current section");
      assertTrue(
          Files.readString(tmp.resolve("index.html"))
              .contains("href=\"https://w3id.org/cmograph/id/peer-2024\""));
      assertTrue(index.body().contains("href=\"/id/peer-2024\""), "a study links to its page here");
      assertTrue(!index.body().contains("href=\"https://w3id.org/"), "no link leaves for w3id.org");
      HttpResponse<String> mechanism =
          Http.get(server.baseUrl() + "summaries/mechanism-trusting-relationship.html");
      assertTrue(
          mechanism.body().contains("href=\"/id/peer-2024/evidence/felt-essential\""),
          "a quote links to its item");
      // The downloads the index lists.
      HttpResponse<String> json = Http.get(server.baseUrl() + "summaries/index.json");
      assertEquals(200, json.statusCode());
      assertEquals("application/json", json.headers().firstValue("Content-Type").orElse(""));
      HttpResponse<String> docx = Http.get(server.baseUrl() + "summaries/summary.docx");
      assertEquals(200, docx.statusCode());
      assertTrue(docx.headers().firstValue("Content-Type").orElse("").contains("wordprocessingml"));
      assertEquals(
          200, Http.get(server.baseUrl() + "summaries/" + Summaries.MATRIX_CSV).statusCode());
      assertTrue(
          index.body().contains("<a href=\"summary.docx\">summary.docx</a>"),
          "the index links the Word document");
      Http.get(server.baseUrl() + "summaries/index.html");
      assertEquals(1, writes.get(), "the site is written once");
      assertTrue(Files.exists(tmp.resolve("index.html")));
      int traversal = Http.get(server.baseUrl() + "summaries/%2e%2e/%2e%2e/pom.xml").statusCode();
      assertTrue(
          traversal == 404 || traversal == 400, "no file outside the summaries: " + traversal);
      assertEquals(404, Http.get(server.baseUrl() + "summaries/no-such-page.html").statusCode());
    } finally {
      server.close();
    }
  }
}
