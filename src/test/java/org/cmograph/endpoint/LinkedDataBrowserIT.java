package org.cmograph.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.cmograph.browser.Axe;
import org.cmograph.browser.BrowserPage;
import org.cmograph.browser.HeadlessChromium;
import org.cmograph.query.BundledData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The linked-data pages as a reviewer sees them in headless Chromium: a study page renders and
 * every link on it leads somewhere; the study, a concept and the ontology have no serious or
 * critical accessibility violation at 1280 and 390 pixels, and nothing scrolls sideways on a phone.
 * Screenshots go to the build folder.
 */
class LinkedDataBrowserIT {
  /** Sections other parts of the site serve (their own tests follow them). */
  @BeforeAll
  static void needsChromium() {
    HeadlessChromium.assumeAvailable();
  }

  @Test
  void aStudyPageRendersAndEveryLinkOnItLeadsToAPage() throws Exception {
    try (EndpointServer server =
            EndpointServer.start(
                BundledData.store().dataset(),
                BundledStore.testSettings(),
                BundledStore.catalogue(),
                LinkedDataBrowserIT::summaries);
        HeadlessChromium chromium = HeadlessChromium.launch();
        BrowserPage page = chromium.newPage()) {
      page.navigate(server.baseUrl() + "id/peer-2024");
      assertTrue(
          page.text("document.querySelector('h1').textContent")
              .contains("'Paths to everyday life' (PEER)"));
      assertEquals(
          4,
          page.evaluate(
                  "document.querySelectorAll('#configurations ~ .ld-card, section .ld-card').length")
              .asInt(),
          "four configurations");
      assertTrue(
          page.evaluate("document.querySelectorAll('.ld-quote').length").asInt() >= 5,
          "the study's quotes");
      JsonNode hrefs =
          page.evaluate("Array.from(document.querySelectorAll('a[href]')).map(a => a.href)");
      Set<String> local = new TreeSet<>();
      List<String> outgoing = new ArrayList<>();
      for (JsonNode h : hrefs) {
        String href = h.asText().replaceFirst("#.*", "");
        if (href.startsWith(server.baseUrl())) {
          local.add(href);
        } else {
          outgoing.add(href);
        }
      }
      assertTrue(
          outgoing.contains("https://doi.org/10.1186/s12888-024-05992-w"),
          "the DOI is an outgoing link");
      assertTrue(local.size() > 20, "links: " + local);
      List<String> broken = new ArrayList<>();
      for (String href : local) {
        HttpResponse<String> r = Http.get(href, "Accept", "text/html");
        if (r.statusCode() != 200 && r.statusCode() != 303) {
          broken.add(r.statusCode() + " " + href);
        }
      }
      assertEquals(List.of(), broken, "links on the study page that lead nowhere");
      assertEquals(List.of(), page.problems(), "the browser reported problems");
    }
  }

  @Test
  void studyConceptAndOntologyPagesAreAccessibleOnDesktopAndPhone() throws Exception {
    try (EndpointServer server =
            EndpointServer.start(
                BundledData.store().dataset(),
                BundledStore.testSettings(),
                BundledStore.catalogue());
        HeadlessChromium chromium = HeadlessChromium.launch();
        BrowserPage page = chromium.newPage()) {
      for (String path :
          List.of(
              "id/peer-2024",
              "mechanism/trusting-relationship",
              "ontology",
              "id/theory/trust-through-shared-experience",
              "studies")) {
        for (int width : new int[] {1280, 390}) {
          page.viewport(width, 900);
          page.navigate(server.baseUrl() + path);
          assertEquals(List.of(), Axe.seriousViolations(page), path + " at " + width + " px");
          int scroll = page.evaluate("document.documentElement.scrollWidth").asInt();
          assertTrue(scroll <= width, path + " scrolls sideways at " + width + " px: " + scroll);
          if (!path.equals(
              "ontology")) { // a whole-page shot of the 300 terms outlasts DevTools' 30 s here
            page.screenshot(
                HeadlessChromium.screenshotFolder()
                    .resolve("linked-data-" + path.replace('/', '-') + "-" + width + ".png"));
          }
        }
      }
      assertEquals(List.of(), page.problems(), "the browser reported problems");
    }
  }

  /** The summaries, written on the first request as {@code serve} does, so the nav link works. */
  private static java.nio.file.Path summaries() {
    try {
      java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("ld-summaries");
      org.cmograph.report.Summaries.writeHtmlSite(BundledData.store(), folder);
      return folder;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
