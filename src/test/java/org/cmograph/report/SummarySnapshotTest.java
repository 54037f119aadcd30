package org.cmograph.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.cmograph.store.CmoStore;
import org.cmograph.testing.Repo;
import org.cmograph.testing.Snapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The summaries of the bundled data, as golden files under src/test/resources/summary/: the whole
 * theory (index) and three mechanisms, in Markdown and HTML, the evidence appendix in Markdown, and
 * the three CSV tables. After an intended change, rerun with {@code -Dsnapshots.update=true} and
 * review the diff.
 */
class SummarySnapshotTest {
  static final Path DIR = Repo.testResources().resolve("summary");

  static List<String> pages() {
    return List.of(
        "index.md",
        "index.html",
        "mechanism-trusting-relationship.md",
        "mechanism-trusting-relationship.html",
        "mechanism-peer-support-principles.md",
        "mechanism-peer-support-principles.html",
        "mechanism-bridging-to-services.md",
        "mechanism-bridging-to-services.html",
        "evidence-appendix.md",
        Summaries.SOQF_CSV,
        Summaries.EVIDENCE_PROFILE_CSV,
        Summaries.MATRIX_CSV);
  }

  static Map<String, String> all(Summaries.Format format) {
    return BundledSummaries.get().pages(format, Summaries.Selection.ALL);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void matchesSnapshot(String name) throws IOException {
    Summaries.Format format = name.endsWith(".html") ? Summaries.Format.HTML : Summaries.Format.MD;
    String page = all(format).get(name);
    assertTrue(page != null, "no page " + name);
    Snapshots.assertMatches(DIR.resolve(name), page);
  }

  @Test
  void sameGraphGivesTheSameBytesWhateverTheLoadOrder() {
    Summaries again;
    try (CmoStore store = BundledSummaries.store(true)) {
      again = Summaries.read(store);
    }
    for (Summaries.Format f : Summaries.Format.values()) {
      assertEquals(all(f), again.pages(f, Summaries.Selection.ALL), "pages as " + f);
      assertEquals(
          BundledSummaries.get().document(f, Summaries.Selection.ALL),
          again.document(f, Summaries.Selection.ALL),
          "document as " + f);
    }
  }

  @Test
  void theOnlyDateIsTheDataAsOfDate() {
    Pattern date = Pattern.compile("\\b20\\d\\d-\\d\\d-\\d\\d\\b");
    String index = all(Summaries.Format.MD).get("index.md");
    date.matcher(index)
        .results()
        // the data-as-of date, and the programme theory version's own date: never today's
        .forEach(
            m ->
                assertTrue(
                    java.util.Set.of("2026-12-06", "2026-11-22").contains(m.group()),
                    "an unexpected date in the summary: " + m.group()));
    assertTrue(index.contains("**Data as of 2026-12-06**"));
  }

  @Test
  void everyMechanismWithEvidenceHasAPageAndEveryTheoryCmocASection() {
    Summaries s = BundledSummaries.get();
    Map<String, String> pages = all(Summaries.Format.HTML);
    for (Section m : s.mechanismSections()) {
      assertTrue(pages.containsKey(m.slug() + ".html"), m.slug());
    }
    String index = pages.get("index.html");
    for (Section t : s.theorySections()) {
      assertTrue(index.contains("id=\"" + t.slug() + "\""), t.slug());
    }
    assertEquals(9, s.theorySections().size());
  }
}
