package org.cmograph.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.cmograph.query.QueryCatalogue;
import org.cmograph.query.QueryUsageException;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.Test;

/** The editor's text of the real catalogue queries: comments for a browser user, values bound. */
class CatalogueEntryTest {
  static final List<CatalogueEntry> ENTRIES =
      CatalogueEntry.of(QueryCatalogue.load(Repo.root().resolve("queries")));

  static CatalogueEntry entry(String name) {
    return ENTRIES.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void noQueryTextSpeaksCommandLine() {
    for (CatalogueEntry e : ENTRIES) {
      String text = e.editorText(e.example());
      assertFalse(text.contains("--param"), e.name() + ":\n" + text);
      assertFalse(text.contains("cmograph query"), e.name() + ":\n" + text);
      assertTrue(text.startsWith("# title: " + e.title() + "\n"), e.name());
    }
  }

  @Test
  void aParameterLineNamesItsFormFieldAndValue() {
    CatalogueEntry e = entry("evidence-for-mechanism");
    String text = e.editorText(Map.of("mechanism", "hope"));
    assertTrue(
        text.contains(
            "# mechanism: set by the \"mechanism\" field of this query's form (catalogue concept id,"
                + " e.g. trusting-relationship); here hope\n"),
        text);
    assertTrue(text.contains("<https://w3id.org/cmograph/mechanism/hope>"), "bound as an IRI");
    assertFalse(text.contains("?mechanism"), "the variable is replaced");
  }

  @Test
  void anOptionalParameterLeftOutCoversEveryValueAndKeepsTheFileText() {
    CatalogueEntry e = entry("outcomes-by-mechanism");
    String text = e.editorText(Map.of());
    assertTrue(text.contains("; not set here, so the query covers every value\n"), text);
    String body = e.text().substring(e.text().indexOf("\nPREFIX") + 1);
    assertTrue(text.endsWith(body), "the query as written, its comments kept");
    assertEquals(Map.of("mechanism", "bridging-to-services"), e.example());
  }

  @Test
  void aValueItsKindCannotTakeIsRefused() {
    assertThrows(
        QueryUsageException.class,
        () -> entry("evidence-for-mechanism").editorText(Map.of("mechanism", "} DROP")));
  }
}
