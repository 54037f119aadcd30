package org.cmograph.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cmograph.browser.Axe;
import org.cmograph.browser.BrowserPage;
import org.cmograph.browser.HeadlessChromium;
import org.cmograph.extraction.Extraction;
import org.cmograph.extraction.SourceText;
import org.cmograph.extraction.sources.SourceRegistry;
import org.cmograph.rdf.ReferenceData;
import org.cmograph.rdf.StudyPipeline;
import org.cmograph.store.CmoStore;
import org.cmograph.testing.BundledQuotes;
import org.cmograph.testing.Repo;
import org.cmograph.testing.TestPdf;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source view as a reviewer opens it: {@code /sources/ID?quote=STUDY/EVIDENCE} shows the
 * registered text with that quote highlighted (the highlighted text is the quote) and scrolled into
 * view, {@code ?study=} highlights all of a study's quotes, a text changed since loading highlights
 * nothing, and the pages pass axe's serious rules at 1280 and 390 px without sideways scrolling.
 * Run on the bundled data and on a PDF built and registered here.
 */
class SourceViewBrowserIT {
  static final String HIGHLIGHTED =
      "Array.from(document.querySelectorAll('.quote-highlight')).map(m => m.textContent).join(' ')";

  @BeforeAll
  static void needsChromium() {
    HeadlessChromium.assumeAvailable();
  }

  static Path screenshot(String name) {
    return HeadlessChromium.screenshotFolder().resolve(name);
  }

  /** The first quote of several bundled studies, each on a different source text. */
  static List<String[]> bundledQuotes() {
    List<String[]> out = new ArrayList<>();
    for (String id :
        List.of(
            "gillard-2014", "peer-2024", "gillard-2024", "abstract-7-outward-bound-peer-support")) {
      Extraction x =
          BundledStore.studies().stream()
              .filter(s -> s.study().id().equals(id))
              .findFirst()
              .orElseThrow();
      Extraction.EvidenceItem e = x.evidence().get(x.evidence().size() / 2);
      String source = x.source().file().replaceFirst("\\.txt$", "");
      out.add(new String[] {source, id + "/" + e.id(), e.quote()});
    }
    return out;
  }

  @Test
  void aChosenBundledQuoteIsHighlightedInPlaceAndScrolledIntoView() throws Exception {
    try (EndpointServer server =
            EndpointServer.start(
                BundledStore.get().dataset(),
                BundledStore.testSettings(),
                BundledStore.catalogue(),
                null,
                Repo.data().resolve("sources"));
        HeadlessChromium chromium = HeadlessChromium.launch();
        BrowserPage page = chromium.newPage()) {
      for (String[] q : bundledQuotes()) {
        page.viewport(1280, 900);
        page.navigate(server.baseUrl() + "sources/" + q[0] + "?quote=" + q[1]);
        assertEquals(
            SourceText.normalise(q[2]),
            SourceText.normalise(page.text(HIGHLIGHTED)),
            q[1] + ": the highlighted text is the quote");
        assertTrue(
            page.evaluate("document.getElementById('quote').classList.contains('quote-highlight')")
                .asBoolean());
        assertTrue(
            page.evaluate(
                    "(r => r.top >= 0 && r.bottom <= innerHeight)"
                        + "(document.getElementById('quote').getBoundingClientRect())")
                .asBoolean(),
            q[1] + ": the quote is scrolled into view");
        assertTrue(page.text("document.querySelector('.source-panel').textContent").contains(q[1]));
        checkLayout(page, q[1]);
      }
      page.viewport(1280, 900);
      page.navigate(
          server.baseUrl()
              + "sources/"
              + bundledQuotes().get(0)[0]
              + "?quote="
              + bundledQuotes().get(0)[1]);
      page.screenshot(screenshot("source-view-quote-1280.png"));
      page.viewport(390, 844);
      page.navigate(
          server.baseUrl()
              + "sources/"
              + bundledQuotes().get(0)[0]
              + "?quote="
              + bundledQuotes().get(0)[1]);
      page.screenshot(screenshot("source-view-quote-390.png"));

      // All quotes of a study: every one of its items is highlighted, and only those.
      Extraction peer =
          BundledStore.studies().stream()
              .filter(s -> s.study().id().equals("peer-2024"))
              .findFirst()
              .orElseThrow();
      page.viewport(1280, 900);
      page.navigate(server.baseUrl() + "sources/peer-2024-recipients?study=peer-2024");
      String marked =
          page.text(
              "Array.from(new Set(Array.from(document.querySelectorAll('.quote-highlight'))"
                  + ".flatMap(m => m.dataset.evidence.split(' ')))).sort().join(',')");
      assertEquals(
          String.join(
              ",", peer.evidence().stream().map(Extraction.EvidenceItem::id).sorted().toList()),
          marked);
      checkLayout(page, "peer-2024 study");

      page.navigate(server.baseUrl() + "sources/");
      assertTrue(page.evaluate("document.querySelectorAll('.source-list li').length").asInt() >= 8);
      checkLayout(page, "list of sources");
      page.screenshot(screenshot("source-list-390.png"));
      assertEquals(List.of(), page.problems(), "the browser reported problems");
    }
  }

  /** Axe's serious rules hold at 1280 and 390 px, and nothing scrolls sideways at 390. */
  static void checkLayout(BrowserPage page, String what) throws IOException {
    String url = page.text("location.href");
    for (int width : new int[] {1280, 390}) {
      page.viewport(width, 844);
      page.navigate(url);
      assertEquals(List.of(), Axe.seriousViolations(page), what + " at " + width + " px");
      if (width == 390) {
        assertTrue(
            page.evaluate("document.documentElement.scrollWidth").asInt() <= 390,
            what + ": nothing scrolls sideways at 390 px");
      }
    }
  }

  /**
   * A PDF of the Gillard 2014 abstract (running header, page numbers, ligatures, hyphenated line
   * ends), registered as cmograph source add does, the bundled study loaded against it: each quote
   * is highlighted with its page marked; once the text changes, nothing is highlighted.
   */
  @Test
  void quotesOfAPdfRegisteredSourceAreHighlightedAndAChangedTextHighlightsNothing(@TempDir Path tmp)
      throws Exception {
    Path pdf = tmp.resolve("gillard.pdf");
    new TestPdf()
        .header("Epidemiology and Psychiatric Sciences")
        .pageNumbers()
        .ligatures()
        .linesPerPage(14)
        .write(BundledQuotes.paragraphsOf("gillard-2014-change-model.txt"), pdf);
    Path sources = Files.createDirectories(tmp.resolve("data/sources"));
    Path studies = Files.createDirectories(tmp.resolve("data/studies"));
    SourceRegistry.Registered registered =
        new SourceRegistry(sources).register(pdf, "gillard-2014-change-model", false);
    Files.copy(
        Repo.data().resolve("studies/gillard-2014.yaml"), studies.resolve("gillard-2014.yaml"));
    StudyPipeline pipeline =
        new StudyPipeline(ReferenceData.load(Repo.root().resolve("ontology")), null, tmp);
    StudyPipeline.Result result = pipeline.validate(List.of(studies));
    assertFalse(result.hasErrors(), result.problems().toString());
    Extraction x = result.valid().get(0);
    try (CmoStore store = CmoStore.inMemory()) {
      store.replace(
          pipeline.reference().ontology(),
          pipeline.reference().catalogue(),
          result.valid(),
          pipeline::convert);
      try (EndpointServer server =
              EndpointServer.start(
                  store.dataset(),
                  BundledStore.testSettings(),
                  BundledStore.catalogue(),
                  null,
                  sources);
          HeadlessChromium chromium = HeadlessChromium.launch();
          BrowserPage page = chromium.newPage()) {
        page.viewport(1280, 900);
        for (Extraction.EvidenceItem e : x.evidence()) {
          page.navigate(
              server.baseUrl() + "sources/gillard-2014-change-model?quote=gillard-2014/" + e.id());
          assertEquals(
              SourceText.normalise(e.quote()),
              SourceText.normalise(page.text(HIGHLIGHTED)),
              e.id() + ": the highlighted text is the quote");
        }
        assertTrue(
            page.evaluate("document.querySelectorAll('.source-page').length").asInt() >= 2,
            "the pages of the PDF are marked");
        page.screenshot(screenshot("source-view-pdf-1280.png"));
        checkLayout(page, "PDF-registered source");

        Files.writeString(
            registered.text(), Files.readString(registered.text()).replace("peer", "pear"));
        page.navigate(
            server.baseUrl()
                + "sources/gillard-2014-change-model?quote=gillard-2014/"
                + x.evidence().get(0).id());
        assertEquals(
            0, page.evaluate("document.querySelectorAll('.quote-highlight').length").asInt());
        assertTrue(
            page.text("document.querySelector('.source-notice').textContent")
                .contains("has changed since"));
        page.navigate(server.baseUrl() + "sources/gillard-2014-change-model?study=gillard-2014");
        assertEquals(
            0, page.evaluate("document.querySelectorAll('.quote-highlight').length").asInt());
      }
    }
  }

  /** Ids are plain names: no path leads out of the sources folder, and every value is escaped. */
  @Test
  void noPathLeavesTheSourcesFolderAndInputIsEscaped() throws Exception {
    try (EndpointServer server =
        EndpointServer.start(
            BundledStore.get().dataset(),
            BundledStore.testSettings(),
            BundledStore.catalogue(),
            null,
            Repo.data().resolve("sources"))) {
      HttpClient http = HttpClient.newHttpClient();
      for (String path :
          List.of(
              "sources/..%2Fstudies%2Fgillard-2014",
              "sources/%2e%2e/README",
              "sources/gillard-2014-change-model.txt",
              "sources/no-such-source")) {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(
            r.statusCode() == 404 || r.statusCode() == 400, path + " gave " + r.statusCode());
        assertFalse(r.body().contains("CMOC") || r.body().contains("cmocs:"), path);
      }
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          server.baseUrl()
                              + "sources/gillard-2014-change-model?quote=%3Cscript%3Ealert(1)%3C/script%3E"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(400, r.statusCode());
      assertFalse(r.body().contains("<script>alert"), "the value is never echoed unescaped");
      r =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          server.baseUrl()
                              + "sources/gillard-2014-change-model?quote=gillard-2014/no-such-item"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(404, r.statusCode());
      assertTrue(r.body().contains("has no quote no-such-item"), r.body());
    }
  }
}
