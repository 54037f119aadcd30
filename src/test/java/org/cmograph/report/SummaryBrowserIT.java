package org.cmograph.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cmograph.browser.BrowserPage;
import org.cmograph.browser.HeadlessChromium;
import org.cmograph.store.CmoStore;
import org.junit.jupiter.api.Test;

/**
 * Opens the HTML summaries in headless Chromium, as a programme-theory author would: the theory
 * diagram is rendered (a non-empty SVG naming every mechanism of the theory), the page reports no
 * error, and a screenshot is saved under the build folder's screenshots/.
 */
class SummaryBrowserIT {
  @Test
  void theDiagramRendersWithEveryMechanismAndNoErrors() throws Exception {
    HeadlessChromium.assumeAvailable();
    Path site = HeadlessChromium.screenshotFolder().getParent().resolve("summaries-site");
    try (CmoStore store = BundledSummaries.store(false)) {
      Summaries.writeHtmlSite(store, site);
    }
    assertTrue(Files.exists(site.resolve("index.html")));
    List<String> mechanisms =
        BundledSummaries.get().theorySections().stream().map(s -> s.concept().label()).distinct().toList();
    try (HeadlessChromium chromium = HeadlessChromium.launch();
        BrowserPage page = chromium.newPage()) {
      page.navigate(site.resolve("index.html").toUri().toString());
      page.waitFor("document.querySelector('svg.theory-diagram') !== null", Duration.ofSeconds(10));
      JsonNode box =
          page.evaluate(
              "(() => { const b = document.querySelector('svg.theory-diagram').getBBox();"
                  + " return {w: b.width, h: b.height}; })()");
      assertTrue(box.path("w").asDouble() > 500 && box.path("h").asDouble() > 300, "diagram size " + box);
      assertEquals(
          BundledSummaries.get().theorySections().size(),
          page.evaluate("document.querySelectorAll('svg.theory-diagram g.node.mechanism').length").asInt());
      assertTrue(page.evaluate("document.querySelectorAll('svg.theory-diagram g.edge path').length").asInt() > 20);
      String drawn =
          page.text(
              "Array.from(document.querySelectorAll('svg.theory-diagram g.node.mechanism text'))"
                  + ".map(t => t.textContent).join(' ')");
      String squeezed = drawn.replaceAll("\\s+", "");
      for (String m : mechanisms) {
        assertTrue(squeezed.contains(m.replaceAll("\\s+", "")), "the diagram does not name '" + m + "': " + drawn);
      }
      assertEquals(List.of(), page.problems());
      // The index is long; the screenshot keeps the part worth looking at: title and diagram.
      page.evaluate(
          "(() => { const m = document.querySelector('main');"
              + " m.replaceChildren(m.querySelector('h1'), m.querySelector('figure.diagram')); })()");
      page.screenshot(HeadlessChromium.screenshotFolder().resolve("summary-theory-diagram.png"));

      page.navigate(site.resolve("mechanism-trusting-relationship.html").toUri().toString());
      // the findings that count for trusting relationships (docs/summaries.md), each quote shown
      assertTrue(page.evaluate("document.querySelectorAll('blockquote.quote').length").asInt() >= 3);
      page.screenshot(HeadlessChromium.screenshotFolder().resolve("summary-mechanism.png"));
      assertEquals(List.of(), page.problems());
    }
  }
}
