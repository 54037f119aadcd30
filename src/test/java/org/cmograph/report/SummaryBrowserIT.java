package org.cmograph.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cmograph.browser.Axe;
import org.cmograph.browser.BrowserPage;
import org.cmograph.browser.HeadlessChromium;
import org.cmograph.endpoint.EndpointServer;
import org.cmograph.endpoint.ServerSettings;
import org.cmograph.store.CmoStore;
import org.junit.jupiter.api.Test;

/**
 * Opens the HTML summaries in headless Chromium, as a programme-theory author would: the theory
 * diagram is rendered (a non-empty SVG naming every mechanism of the theory), the page reports no
 * error, and a screenshot is saved under the build folder's screenshots/. Served by the endpoint,
 * as a reviewer reads them, every kind of summary page has the site's header, no serious or
 * critical accessibility violation (axe-core) and nothing that scrolls the page sideways, at 1280
 * and 390 pixels; its menu stays in view, the matrix names its columns, the diagram's boxes and the
 * quotes link to what they stand for, and the downloads it lists are there.
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
        BundledSummaries.get().theorySections().stream()
            .map(s -> s.concept().label())
            .distinct()
            .toList();
    try (HeadlessChromium chromium = HeadlessChromium.launch();
        BrowserPage page = chromium.newPage()) {
      page.navigate(site.resolve("index.html").toUri().toString());
      page.waitFor("document.querySelector('svg.theory-diagram') !== null", Duration.ofSeconds(10));
      JsonNode box =
          page.evaluate(
              "(() => { const b = document.querySelector('svg.theory-diagram').getBBox();"
                  + " return {w: b.width, h: b.height}; })()");
      assertTrue(
          box.path("w").asDouble() > 500 && box.path("h").asDouble() > 300, "diagram size " + box);
      assertEquals(
          BundledSummaries.get().theorySections().size(),
          page.evaluate("document.querySelectorAll('svg.theory-diagram g.node.mechanism').length")
              .asInt());
      assertTrue(
          page.evaluate("document.querySelectorAll('svg.theory-diagram g.edge path').length")
                  .asInt()
              > 20);
      String drawn =
          page.text(
              "Array.from(document.querySelectorAll('svg.theory-diagram g.node.mechanism text'))"
                  + ".map(t => t.textContent).join(' ')");
      String squeezed = drawn.replaceAll("\\s+", "");
      for (String m : mechanisms) {
        assertTrue(
            squeezed.contains(m.replaceAll("\\s+", "")),
            "the diagram does not name '" + m + "': " + drawn);
      }
      assertEquals(List.of(), page.problems());
      // The index is long; the screenshot keeps the part worth looking at: title and diagram.
      page.evaluate(
          "(() => { const m = document.querySelector('main');"
              + " m.replaceChildren(m.querySelector('h1'), m.querySelector('figure.diagram')); })()");
      page.screenshot(HeadlessChromium.screenshotFolder().resolve("summary-theory-diagram.png"));

      page.navigate(site.resolve("mechanism-trusting-relationship.html").toUri().toString());
      // the findings that count for trusting relationships (docs/summaries.md), each quote shown
      assertTrue(
          page.evaluate("document.querySelectorAll('blockquote.quote').length").asInt() >= 3);
      page.screenshot(HeadlessChromium.screenshotFolder().resolve("summary-mechanism.png"));
      assertEquals(List.of(), page.problems());
    }
  }

  @Test
  void servedPagesAreLinkedAccessibleAndFitAPhone() throws Exception {
    HeadlessChromium.assumeAvailable();
    Path shots = HeadlessChromium.screenshotFolder();
    Path site = shots.getParent().resolve("summaries-served");
    Path theoryPage = shots.getParent().resolve("summaries-theory-cmoc");
    String theoryId = BundledSummaries.get().theorySections().get(0).id();
    try (CmoStore store = BundledSummaries.store(false);
        EndpointServer server =
            EndpointServer.start(
                store.dataset(),
                ServerSettings.defaults().withPort(0),
                List::of,
                () -> {
                  try {
                    Summaries.writeHtmlSite(store, site);
                    return site;
                  } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                });
        HeadlessChromium chromium = HeadlessChromium.launch();
        BrowserPage page = chromium.newPage()) {
      // A theory CMOC's own page is written only by `cmograph summary --theory-cmoc` (a file).
      Summaries.read(store)
          .write(
              theoryPage,
              Summaries.Format.HTML,
              new Summaries.Selection(List.of(), List.of(theoryId)));
      String base = server.baseUrl() + "summaries/";
      // The page kinds: the index holds the programme theory, the search and selection flow
      // diagram, the theory CMOCs and the matrix.
      Map<String, String> kinds = new LinkedHashMap<>();
      kinds.put("programme theory", base);
      kinds.put("mechanism", base + "mechanism-trusting-relationship.html");
      kinds.put("appendix", base + "evidence-appendix.html");
      kinds.put(
          "theory CMOC", theoryPage.resolve("theory-" + theoryId + ".html").toUri().toString());
      for (int width : new int[] {1280, 390}) {
        page.viewport(width, 900);
        for (Map.Entry<String, String> kind : kinds.entrySet()) {
          page.navigate(kind.getValue());
          String what = kind.getKey() + " at " + width + " px";
          assertTrue(
              page.evaluate("document.documentElement.scrollWidth").asInt() <= width,
              what + " scrolls sideways: " + page.evaluate("document.documentElement.scrollWidth"));
          assertEquals(List.of(), Axe.seriousViolations(page, Duration.ofMinutes(3)), what);
          if (kind.getValue().startsWith(base)) {
            assertEquals(
                1,
                page.evaluate("document.querySelectorAll('header.site-header').length").asInt(),
                what);
            assertEquals(
                0,
                page.evaluate("document.querySelectorAll('a[href^=\"https://w3id.org/\"]').length")
                    .asInt(),
                what);
          }
          assertEquals(List.of(), page.problems(), what);
        }
        // The programme theory: the menu stays in view at the matrix, whose columns are named.
        page.navigate(base + "#evidence-matrix");
        assertEquals(
            0,
            page.evaluate(
                    "Math.round(document.querySelector('nav.summary-nav').getBoundingClientRect().top)")
                .asInt(),
            "the menu stays at the top at " + width + " px");
        assertTrue(page.evaluate("window.scrollY").asInt() > 5000, "scrolled to the matrix");
        page.screenshotViewport(shots.resolve("summary-matrix-" + width + ".png"));
        // the columns: Mechanism, one per study, Links, Inconclusive, Non-links
        int studies =
            page.evaluate("document.querySelectorAll('table.matrix thead th').length").asInt() - 4;
        assertEquals(
            EvidenceMatrix.of(BundledSummaries.get().base()).studies().size(),
            studies,
            "matrix columns");
        assertEquals(
            studies,
            page.evaluate(
                    "Array.from(document.querySelectorAll('table.matrix thead th abbr[title]'))"
                        + ".filter(a => a.title.length > 10 && a.closest('th').getAttribute('aria-label').startsWith(a.textContent + ': ')).length")
                .asInt(),
            "every study column has its full name");
        page.navigate(base);
        page.screenshotViewport(shots.resolve("summary-programme-theory-" + width + ".png"));
      }
      page.viewport(1280, 900);
      page.navigate(base);
      // Each mechanism box links to its theory CMOC's section on the page.
      JsonNode boxes =
          page.evaluate(
              "Array.from(document.querySelectorAll('svg.theory-diagram g.node.mechanism'))"
                  + ".map(g => { const a = g.closest('a'); return a ? a.getAttribute('href') : ''; })");
      assertEquals(BundledSummaries.get().theorySections().size(), boxes.size());
      for (JsonNode href : boxes) {
        String anchor = href.asText();
        assertTrue(anchor.startsWith("#theory-"), "a mechanism box links to its section: " + boxes);
        assertTrue(
            page.evaluate("document.getElementById('" + anchor.substring(1) + "') !== null")
                .asBoolean(),
            anchor);
      }
      assertTrue(
          page.evaluate(
                      "document.querySelectorAll('svg.theory-diagram a[href^=\"/context/\"][aria-label]').length")
                  .asInt()
              > 0);
      // Every download the index lists is served.
      JsonNode downloads =
          page.evaluate(
              "Array.from(document.querySelectorAll('#downloads + ul a')).map(a => a.href)");
      assertTrue(downloads.size() >= 5, "downloads: " + downloads);
      for (JsonNode d : downloads) {
        assertEquals(
            200,
            page.evaluate("fetch('" + d.asText() + "').then(r => r.status)").asInt(),
            d.asText());
      }
      // A mechanism page: its quotes link to the quote in its source, its studies to theirs.
      page.navigate(base + "mechanism-trusting-relationship.html");
      assertTrue(
          page.evaluate(
                      "document.querySelectorAll('blockquote.quote footer a[href^=\"/id/\"][href*=\"/evidence/\"]').length")
                  .asInt()
              >= 3);
      assertTrue(
          page.evaluate("document.querySelectorAll('table a[href=\"/id/peer-2024\"]').length")
                  .asInt()
              >= 1);
      page.evaluate("window.scrollTo(0, 2500)");
      page.screenshotViewport(shots.resolve("summary-mechanism-1280.png"));
      page.viewport(390, 844);
      page.navigate(base + "mechanism-trusting-relationship.html");
      page.evaluate("window.scrollTo(0, 2500)");
      page.screenshotViewport(shots.resolve("summary-mechanism-390.png"));
    }
  }
}
