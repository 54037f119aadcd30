package org.cmograph.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.Test;

/** The excerpts docs/summaries.md shows are what `cmograph summary` writes for the bundled data. */
class SummariesDocTest {
  static final Pattern EXCERPT =
      Pattern.compile("<!-- excerpt: (\\S+) -->\n(.*?)<!-- /excerpt -->", Pattern.DOTALL);

  @Test
  void everyExcerptIsInThePageItNames() throws IOException {
    String doc = Files.readString(Repo.root().resolve("docs/summaries.md"));
    Map<String, String> pages = new java.util.HashMap<>();
    pages.putAll(BundledSummaries.get().pages(Summaries.Format.MD, Summaries.Selection.ALL));
    pages.putAll(BundledSummaries.get().pages(Summaries.Format.JSON, Summaries.Selection.ALL));
    Matcher m = EXCERPT.matcher(doc);
    int found = 0;
    while (m.find()) {
      found++;
      String page = pages.get(m.group(1));
      // An excerpt may sit in a fenced code block (JSON): the fence is not part of the page.
      String excerpt =
          m.group(2).startsWith("```")
              ? m.group(2).replaceAll("^```[a-z]*\n|```\n$", "")
              : m.group(2);
      assertTrue(
          page != null, "docs/summaries.md quotes a page that is not written: " + m.group(1));
      assertTrue(
          page.contains(excerpt),
          "docs/summaries.md has an excerpt of "
              + m.group(1)
              + " that the summary no longer writes:\n"
              + excerpt);
    }
    assertTrue(found >= 2, "docs/summaries.md shows no real excerpt");
  }
}
