package org.cmograph.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cmograph.browser.BrowserPage;
import org.cmograph.browser.HeadlessChromium;
import org.cmograph.store.CmoStore;
import org.junit.jupiter.api.Test;

/**
 * Opens the overview in headless Chromium at a desktop and a phone width: the flow diagram of the
 * bundled search and selection log is drawn with its counts, and nothing in the "Search and
 * selection" section is wider than the page (no sideways scrolling on a phone). Screenshots of the
 * section are saved under the build folder's screenshots/.
 */
class SelectionBrowserIT {
  static final String SECTION_WIDTH =
      "(() => { const h = document.getElementById('search-and-selection');"
          + " const parts = [h]; let n = h.nextElementSibling;"
          + " while (n && n.tagName !== 'H2') { parts.push(n); n = n.nextElementSibling; }"
          + " return Math.max(...parts.map(p => p.getBoundingClientRect().right)); })()";

  @Test
  void theFlowDiagramShowsTheCountsAndFitsAPhone() throws Exception {
    HeadlessChromium.assumeAvailable();
    Path site = HeadlessChromium.screenshotFolder().getParent().resolve("selection-site");
    try (CmoStore store = BundledSummaries.store(false)) {
      Summaries.writeHtmlSite(store, site);
    }
    try (HeadlessChromium chromium = HeadlessChromium.launch();
        BrowserPage page = chromium.newPage()) {
      for (int width : List.of(1280, 390)) {
        page.viewport(width, 900);
        page.navigate(site.resolve("index.html").toUri().toString());
        page.waitFor("document.querySelector('svg.flow-diagram') !== null", Duration.ofSeconds(10));
        String boxes =
            page.text(
                "Array.from(document.querySelectorAll('svg.flow-diagram g.box'))"
                    + ".map(g => g.textContent).join(' | ')");
        assertTrue(boxes.contains("Records identified (n = 24)"), boxes);
        assertTrue(boxes.contains("Duplicates removed (n = 1)"), boxes);
        assertTrue(boxes.contains("Included (n = 23 records)"), boxes);
        assertTrue(boxes.contains("20 reports (extraction files)"), boxes);
        assertTrue(boxes.contains("19 studies"), boxes);
        double right = page.evaluate(SECTION_WIDTH).asDouble();
        double viewport = page.evaluate("document.documentElement.clientWidth").asDouble();
        assertTrue(
            right <= viewport + 0.5,
            "at " + width + " px the section reaches " + right + " px of " + viewport);
        double svg =
            page.evaluate(
                    "document.querySelector('svg.flow-diagram').getBoundingClientRect().width")
                .asDouble();
        assertTrue(svg > 200, "the diagram is drawn " + svg + " px wide at " + width + " px");
        assertEquals(List.of(), page.problems());
        page.evaluate(
            "(() => { const m = document.querySelector('main'); const h = document.getElementById('search-and-selection');"
                + " const keep = [h]; let n = h.nextElementSibling;"
                + " while (n && n.tagName !== 'H2') { keep.push(n); n = n.nextElementSibling; }"
                + " m.replaceChildren(...keep); })()");
        page.screenshot(
            HeadlessChromium.screenshotFolder().resolve("summary-selection-" + width + ".png"));
      }
    }
  }
}
