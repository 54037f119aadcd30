package org.cmograph.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cmograph.extraction.SourceText;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.Test;

/**
 * What a programme-theory author must be able to trust in a summary: every quote is verbatim in the
 * source text of the study it is attributed to and carries that study's citation and the quote's
 * location; every DOI link is a well-formed https://doi.org/ link to a study's DOI.
 */
class SummaryQuotesTest {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** A quote as printed and the citation line printed under it. */
  record Printed(String page, String quote, String citation) {}

  /** Markdown: "> quote", ">", "> — citation". */
  static List<Printed> markdownQuotes(String page, String md) {
    List<Printed> out = new ArrayList<>();
    String[] lines = md.split("\n");
    for (int i = 0; i + 2 < lines.length; i++) {
      if (lines[i].startsWith("> ")
          && lines[i + 1].equals(">")
          && lines[i + 2].startsWith("> — ")) {
        // the evidence ids link to their IRIs: read the link's text
        String citation =
            lines[i + 2]
                .substring(2)
                .replace("**", "")
                .replaceAll("\\[([^\\]]*)\\]\\(https://w3id\\.org/[^)]*\\)", "$1");
        out.add(
            new Printed(page, unescapeMarkdown(lines[i].substring(2)), unescapeMarkdown(citation)));
      }
    }
    return out;
  }

  static final Pattern HTML_QUOTE =
      Pattern.compile(
          "<blockquote class=\"quote\"><p class=\"quote-text\">(.*?)</p><footer>(.*?)</footer></blockquote>");

  static List<Printed> htmlQuotes(String page, String html) {
    List<Printed> out = new ArrayList<>();
    Matcher m = HTML_QUOTE.matcher(html);
    while (m.find()) {
      out.add(
          new Printed(
              page, unescapeHtml(m.group(1)), unescapeHtml(m.group(2).replaceAll("<[^>]+>", ""))));
    }
    return out;
  }

  static String unescapeMarkdown(String s) {
    return s.replaceAll("\\\\([\\\\*_`\\[\\]<>|#])", "$1");
  }

  static String unescapeHtml(String s) {
    return s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  static final Pattern EVIDENCE = Pattern.compile("Evidence ([a-z0-9-]+)/([a-z0-9-]+)");

  @Test
  void everyQuoteIsVerbatimInItsStudysSourceAndCarriesItsCitation() throws IOException {
    Summaries s = BundledSummaries.get();
    List<Printed> printed = new ArrayList<>();
    for (Summaries.Format f : Summaries.Format.values()) {
      for (Map.Entry<String, String> page : s.pages(f, Summaries.Selection.ALL).entrySet()) {
        if (page.getKey().endsWith(".md")) {
          printed.addAll(markdownQuotes(page.getKey(), page.getValue()));
        } else if (page.getKey().endsWith(".html")) {
          printed.addAll(htmlQuotes(page.getKey(), page.getValue()));
        }
      }
    }
    // Every finding behind a section is printed at least once: those that count for a mechanism
    // (the one counting rule) and those of configurations linked to the theory.
    java.util.Set<String> expected = new java.util.TreeSet<>();
    for (EvidenceBase.Evidence e : s.base().evidence()) {
      boolean linked =
          s.base().cmocs().stream()
              .anyMatch(c -> c.key().equals(e.cmocKey()) && !c.theoryLinks().isEmpty());
      if (e.isFinding() && (e.countsForMechanism() || linked)) {
        expected.add(e.key());
      }
    }
    assertTrue(expected.size() > 20, "findings behind sections: " + expected.size());
    java.util.Set<String> cited = new java.util.TreeSet<>();
    for (Printed p : printed) {
      Matcher m =
          Pattern.compile("([a-z0-9-]+/[a-z0-9-]+)")
              .matcher(p.citation().replaceFirst("^.*Evidence ", ""));
      while (m.find()) {
        cited.add(m.group(1));
      }
    }
    java.util.Set<String> missing = new java.util.TreeSet<>(expected);
    missing.removeAll(cited);
    assertEquals(java.util.Set.of(), missing, "findings behind a section but printed on no page");
    List<String> problems = new ArrayList<>();
    for (Printed p : printed) {
      Matcher m = EVIDENCE.matcher(p.citation());
      if (!m.find()) {
        problems.add(p.page() + ": quote without an evidence reference: " + p.quote());
        continue;
      }
      String study = m.group(1);
      EvidenceBase.Study st = s.base().study(study).orElseThrow();
      if (!p.citation().startsWith("— " + st.citation() + ", ")) {
        problems.add(
            p.page()
                + ": quote of "
                + study
                + " is not cited as '"
                + st.citation()
                + "': "
                + p.citation());
      }
      String id = m.group(2);
      String location =
          s.base().evidence().stream()
              .filter(e -> e.study().equals(study) && e.id().equals(id))
              .findFirst()
              .orElseThrow()
              .location();
      if (!p.citation().contains(", " + location + ". ")) {
        problems.add(
            p.page() + ": quote of " + study + "/" + id + " lacks its location '" + location + "'");
      }
      if (!source(study).contains(p.quote())) {
        problems.add(
            p.page()
                + ": quote attributed to "
                + study
                + " is not verbatim in its source: "
                + p.quote());
      }
    }
    assertEquals(List.of(), problems);
  }

  static SourceText source(String study) throws IOException {
    JsonNode x = YAML.readTree(Repo.data().resolve("studies").resolve(study + ".yaml").toFile());
    Path file = Repo.data().resolve("sources").resolve(x.path("source").path("file").asText());
    return new SourceText(file.getFileName().toString(), Files.readString(file));
  }

  static final Pattern DOI_LINK = Pattern.compile("https?://(?:dx\\.)?doi\\.org/[^)\"\\s<]*");
  static final Pattern WELL_FORMED =
      Pattern.compile("https://doi\\.org/10\\.[0-9]{4,9}/[-._;()/:A-Za-z0-9]+");

  @Test
  void everyDoiLinkIsWellFormedAndAStudysDoi() {
    Summaries s = BundledSummaries.get();
    Set<String> dois = new TreeSet<>();
    s.base()
        .studies()
        .forEach(
            st -> {
              if (st.doi() != null) {
                dois.add("https://doi.org/" + st.doi());
              }
            });
    assertTrue(dois.size() >= 3, "the bundled studies have DOIs");
    List<String> problems = new ArrayList<>();
    int links = 0;
    for (Summaries.Format f : Summaries.Format.values()) {
      for (Map.Entry<String, String> page : s.pages(f, Summaries.Selection.ALL).entrySet()) {
        Matcher m = DOI_LINK.matcher(page.getValue());
        while (m.find()) {
          links++;
          String url = m.group();
          if (!WELL_FORMED.matcher(url).matches()) {
            problems.add(page.getKey() + ": malformed DOI link " + url);
          } else if (!dois.contains(url)) {
            problems.add(page.getKey() + ": DOI link to no study's DOI: " + url);
          }
        }
      }
    }
    assertTrue(links > 100, "too few DOI links found: " + links);
    assertEquals(List.of(), problems);
  }
}
