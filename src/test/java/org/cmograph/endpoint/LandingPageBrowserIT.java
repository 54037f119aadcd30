package org.cmograph.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cmograph.browser.BrowserPage;
import org.cmograph.browser.HeadlessChromium;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a reviewer sees: the endpoint as {@code cmograph serve} runs it, opened in headless
 * Chromium. The landing page renders, a catalogue query runs from its link and shows its rows,
 * and the browser reports no errors of any kind (scripts, loads, Content-Security-Policy).
 * Screenshots go to the build folder.
 */
class LandingPageBrowserIT {
  static final Duration WAIT = Duration.ofSeconds(20);

  @BeforeAll
  static void needsChromium() {
    HeadlessChromium.assumeAvailable();
  }

  static Path screenshot(String name) {
    return HeadlessChromium.screenshotFolder().resolve(name);
  }

  @Test
  void theLandingPageRunsACatalogueQueryWithoutErrors() throws Exception {
    try (EndpointServer server =
            EndpointServer.start(BundledStore.get().dataset(), BundledStore.testSettings(), BundledStore.catalogue());
        HeadlessChromium chromium = HeadlessChromium.launch();
        BrowserPage page = chromium.newPage()) {
      page.navigate(server.baseUrl());
      assertEquals("cmograph", page.text("document.querySelector('h1').textContent"));
      assertEquals("20", page.text("document.getElementById('count-studies').textContent"));
      assertTrue(page.evaluate("document.querySelectorAll('li.query').length").asInt() >= 10, "the catalogue is listed");

      page.click("#query-mechanisms a.run");
      page.waitFor("document.querySelector('#results table.results tbody tr') !== null", WAIT);
      assertTrue(page.text("document.getElementById('status').textContent").matches("\\d+ rows? in \\d+ ms.*"));
      assertEquals("mechanism", page.text("document.querySelector('#results th').textContent"));
      assertTrue(page.evaluate("document.querySelectorAll('#results tbody tr').length").asInt() >= 20);
      page.screenshot(screenshot("landing-page-mechanisms.png"));

      // A parameterised query runs with its example value, straight from a link.
      page.navigate(server.baseUrl() + "?run=evidence-for-mechanism");
      page.waitFor("document.querySelector('#results table.results tbody tr') !== null", WAIT);
      assertTrue(page.text("document.getElementById('query').value").contains("trusting-relationship"));
      assertTrue(page.text("document.querySelector('#results tbody').textContent").contains("gillard-2014"));
      page.screenshot(screenshot("landing-page-evidence.png"));

      assertEquals(List.of(), page.problems(), "the browser reported problems");
    }
  }

  @Test
  void aQueryErrorIsShownNotThrown() throws Exception {
    try (EndpointServer server =
            EndpointServer.start(BundledStore.get().dataset(), BundledStore.testSettings(), BundledStore.catalogue());
        HeadlessChromium chromium = HeadlessChromium.launch();
        BrowserPage page = chromium.newPage()) {
      page.navigate(server.baseUrl());
      page.evaluate("document.getElementById('query').value = 'SELECT * WHERE { ?s ?p'");
      page.click("#run");
      page.waitFor("document.getElementById('status').className === 'error'", WAIT);
      assertTrue(page.text("document.getElementById('status').textContent").startsWith("Error 400"));
      // The 400 itself is the only thing the browser logs: a failed load, nothing thrown.
      assertTrue(
          page.problems().stream().allMatch(p -> p.contains("400")),
          "unexpected: " + page.problems());
    }
  }
}
