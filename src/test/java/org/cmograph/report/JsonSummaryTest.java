package org.cmograph.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code summary --format json} on the bundled data: the same content as the HTML (every heading,
 * table, quote), and every number written as a COUNT carries the ids of real evidence items, as
 * many as it says where it counts items.
 */
class JsonSummaryTest {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Words after a count that say it counts evidence items, one id each. */
  static final Pattern ITEMS =
      Pattern.compile(
          "^(\\d+) (finding|findings|evidence item|evidence items|excerpt|excerpts|item|items|quote|quotes)\\b");

  static final Pattern STUDIES = Pattern.compile("^(\\d+) (study|studies)\\b");

  static Map<String, String> pages(Summaries.Format f) {
    return BundledSummaries.get().pages(f, Summaries.Selection.ALL);
  }

  /** Every node of a document's tree (sections, blocks, inlines), depth first. */
  static void walk(JsonNode node, Consumer<JsonNode> visit) {
    visit.accept(node);
    if (node.isContainerNode()) {
      node.elements().forEachRemaining(n -> walk(n, visit));
    }
  }

  static List<JsonNode> all(JsonNode doc, Pattern type) {
    List<JsonNode> out = new ArrayList<>();
    walk(
        doc,
        n -> {
          if (n.isObject() && n.has("type") && type.matcher(n.get("type").asText()).matches()) {
            out.add(n);
          }
        });
    return out;
  }

  static List<JsonNode> sections(JsonNode doc) {
    List<JsonNode> out = new ArrayList<>();
    walk(
        doc,
        n -> {
          if (n.isObject() && n.has("heading") && n.has("sections")) {
            out.add(n);
          }
        });
    return out;
  }

  @Test
  void everyPageSaysWhatItsHtmlSays() throws Exception {
    Map<String, String> html = pages(Summaries.Format.HTML);
    Map<String, String> json = pages(Summaries.Format.JSON);
    assertEquals(
        html.keySet().stream().map(k -> k.replace(".html", ".json")).toList(),
        List.copyOf(json.keySet()));
    Pattern heading = Pattern.compile("<h(\\d)( id=\"[^\"]*\")?>");
    for (String name : html.keySet()) {
      if (!name.endsWith(".html")) {
        assertEquals(html.get(name), json.get(name), name + " is the same CSV in both");
        continue;
      }
      String page = html.get(name);
      JsonNode doc = JSON.readTree(json.get(name.replace(".html", ".json")));
      assertEquals(JsonFormat.SCHEMA, doc.get("schema").asText());
      List<JsonNode> sections = sections(doc);
      assertEquals(heading.matcher(page).results().count(), sections.size(), name + ": headings");
      for (JsonNode s : sections) {
        String tag =
            "<h"
                + s.get("level").asInt()
                + (s.get("anchor").isNull()
                    ? ""
                    : " id=\"" + Text.html(s.get("anchor").asText()) + "\"")
                + ">"
                + Text.html(s.get("heading").asText())
                + "</h";
        assertTrue(page.contains(tag), name + ": no " + tag);
      }
      assertEquals(
          count(page, "<table"), all(doc, Pattern.compile("table")).size(), name + ": tables");
      assertEquals(
          count(page, "<figure class=\"diagram\" tabindex=\"0\">"),
          all(doc, Pattern.compile("diagram")).size(),
          name + ": diagrams");
      List<JsonNode> flows = all(doc, Pattern.compile("flow"));
      assertEquals(count(page, "<figure class=\"flow\">"), flows.size(), name + ": flow diagrams");
      for (JsonNode f : flows) {
        assertTrue(
            page.contains("<figcaption>" + Text.html(f.get("summary").asText()) + "</figcaption>"),
            name + ": " + f.get("summary"));
        assertTrue(
            f.get("boxes").size() > 3 && f.get("arrows").size() > 2, name + ": the flow as data");
      }
      List<JsonNode> quotes = all(doc, Pattern.compile("quote"));
      assertEquals(count(page, "<blockquote"), quotes.size(), name + ": quotes");
      for (JsonNode q : quotes) {
        assertTrue(
            page.contains("<p class=\"quote-text\">" + Text.html(q.get("quote").asText()) + "</p>"),
            name + ": " + q);
      }
      for (JsonNode t : all(doc, Pattern.compile("table"))) {
        int columns = t.get("headers").size();
        t.get("rows")
            .forEach(r -> assertEquals(columns, r.size(), name + ": a row of " + t.get("headers")));
      }
    }
  }

  @Test
  void everyCountCarriesTheIdsOfRealEvidenceItems() throws Exception {
    Summaries s = BundledSummaries.get();
    Set<String> items = new TreeSet<>();
    s.base().evidence().forEach(e -> items.add(e.study() + "/" + e.id()));
    List<JsonNode> counts = new ArrayList<>();
    for (Map.Entry<String, String> page : pages(Summaries.Format.JSON).entrySet()) {
      if (page.getKey().endsWith(".json")) {
        counts.addAll(all(JSON.readTree(page.getValue()), Pattern.compile("count")));
      }
    }
    counts.addAll(
        all(
            JSON.readTree(s.document(Summaries.Format.JSON, Summaries.Selection.ALL)),
            Pattern.compile("count")));
    int checked = 0;
    for (JsonNode c : counts) {
      String text = c.get("text").asText();
      List<String> ids = new ArrayList<>();
      c.get("evidence").forEach(id -> ids.add(id.asText()));
      assertEquals(new TreeSet<>(ids).size(), ids.size(), "an id twice in " + c);
      ids.forEach(
          id ->
              assertTrue(
                  items.contains(id),
                  "'" + text + "' counts " + id + ", which is no evidence item"));
      Matcher m = ITEMS.matcher(text);
      if (m.find()) {
        assertEquals(Integer.parseInt(m.group(1)), ids.size(), "'" + text + "' carries " + ids);
        checked++;
      }
      Matcher st = STUDIES.matcher(text);
      if (st.find() && !ids.isEmpty()) {
        long studies = ids.stream().map(id -> id.substring(0, id.indexOf('/'))).distinct().count();
        assertEquals(Integer.parseInt(st.group(1)), studies, "'" + text + "' carries " + ids);
        checked++;
      }
    }
    assertTrue(checked > 100, "only " + checked + " counts of items or studies were checked");
  }

  @Test
  void theDiagramIsDataAndTheOutputIsTheSameBytesAgain() throws Exception {
    Summaries s = BundledSummaries.get();
    String once = s.document(Summaries.Format.JSON, Summaries.Selection.ALL);
    assertEquals(once, s.document(Summaries.Format.JSON, Summaries.Selection.ALL));
    assertFalse(once.contains("\r"));
    assertFalse(once.contains("<svg"), "the diagram is data, not SVG");
    JsonNode diagram = all(JSON.readTree(once), Pattern.compile("diagram")).get(0);
    Set<String> nodes = new TreeSet<>();
    diagram.get("nodes").forEach(n -> nodes.add(n.get("id").asText()));
    assertEquals(diagram.get("nodes").size(), nodes.size(), "node ids are unique");
    for (EvidenceBase.TheoryCmoc t : s.base().theory().orElseThrow().cmocs()) {
      assertTrue(nodes.contains("m-" + t.id()), "no mechanism node for " + t.id());
    }
    assertTrue(diagram.get("edges").size() > 0);
    diagram
        .get("edges")
        .forEach(
            e -> {
              assertTrue(nodes.contains(e.get("from").asText()), e.toString());
              assertTrue(nodes.contains(e.get("to").asText()), e.toString());
            });
    // Section links carry their target page where it is written.
    JsonNode index = JSON.readTree(pages(Summaries.Format.JSON).get("index.json"));
    assertTrue(
        all(index, Pattern.compile("section")).stream()
            .anyMatch(
                l ->
                    l.get("section").asText().equals(EvidenceAppendix.SLUG)
                        && l.get("href").asText().equals("evidence-appendix.json")),
        "the overview links to the evidence appendix");
  }

  /** A record type the format has no case for is written from its components, nothing dropped. */
  @Test
  void aValueItDoesNotKnowIsWrittenFromItsComponents() throws Exception {
    record Step(String label, int records, List<Doc.Inline> note) {}
    JsonNode n =
        JSON.readTree(
            JsonFormat.print(
                new JsonFormat(slug -> null)
                    .value(
                        List.of(
                            new Step(
                                "screened",
                                42,
                                List.of(Doc.count("2 findings", List.of("a/1", "b/2"))))))));
    assertEquals("screened", n.get(0).get("label").asText());
    assertEquals(42, n.get(0).get("records").asInt());
    assertEquals("a/1", n.get(0).get("note").get(0).get("evidence").get(0).asText());
  }

  private static long count(String s, String what) {
    return Pattern.compile(Pattern.quote(what)).matcher(s).results().count();
  }
}
