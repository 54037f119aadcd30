package org.cmograph.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cmograph.endpoint.SitePage.Section;
import org.junit.jupiter.api.Test;

class SitePageTest {
  @Test
  void pageMarksItsSectionAndEscapesItsTitle() {
    String html = SitePage.page("A <b> title", Section.STUDIES, "", "<h1>x</h1>");
    assertTrue(html.contains("<title>A &lt;b&gt; title · cmograph</title>"), html);
    assertTrue(html.contains("<a href=\"/studies\" aria-current=\"page\">Studies</a>"), html);
    assertEquals(1, html.split("aria-current", -1).length - 1, "one current section");
    assertTrue(
        html.indexOf("class=\"site-skip\" href=\"#main\"") < html.indexOf("<main id=\"main\""));
    assertTrue(html.contains("<main id=\"main\" tabindex=\"-1\">\n<h1>x</h1>\n</main>"), html);
  }

  @Test
  void injectPutsTheStyleInTheHeadAndTheHeaderFirstInTheBody() {
    String page =
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>t</title></head>"
            + "<body class=\"summary\"><h1>Mechanism</h1></body></html>";
    String out = SitePage.inject(page, Section.SUMMARIES);
    assertTrue(
        out.startsWith(
            "<!DOCTYPE html><html><head>\n<link rel=\"stylesheet\" href=\"/assets/site.css\"><meta"),
        out);
    int body = out.indexOf("<body class=\"summary\">\n<a class=\"site-skip\"");
    assertTrue(body > 0, out);
    assertTrue(out.indexOf("<h1>Mechanism</h1>") > out.indexOf("</header>"), out);
    assertTrue(out.contains("<a href=\"/summaries/\" aria-current=\"page\">"), out);
  }

  @Test
  void injectLeavesAPageWithoutHeadOrBodyAlone() {
    assertEquals("<p>fragment</p>", SitePage.inject("<p>fragment</p>", Section.SUMMARIES));
    // <header> and <bodyx> are not <head> or <body>
    String odd = "<header>h</header><bodyx>";
    assertEquals(odd, SitePage.inject(odd, Section.SUMMARIES));
  }
}
