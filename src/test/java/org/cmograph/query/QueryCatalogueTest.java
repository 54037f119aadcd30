package org.cmograph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The catalogue's files and their headers: complete, consistent, found in a folder or a jar. */
class QueryCatalogueTest {
  static List<CatalogueQuery> queries() {
    return BundledData.catalogue().queries();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void everyQueryHasACompleteHeader(CatalogueQuery q) {
    assertEquals(List.of(), q.problems(), q.name());
    assertFalse(q.title().equals(q.name()), "a title of its own");
    assertTrue(
        q.question().endsWith("?") || q.question().contains("? "), "a question: " + q.question());
    assertFalse(q.examples().isEmpty());
    for (QueryParam p : q.params()) {
      assertFalse(p.description().isBlank(), p.name());
    }
  }

  @Test
  void theCatalogueCoversTheDesign() {
    // DESIGN.md section 5: the questions the catalogue must answer.
    List<String> names = queries().stream().map(CatalogueQuery::name).toList();
    for (String required :
        List.of(
            "mechanisms",
            "evidence-for-mechanism",
            "mechanism-contexts",
            "outcomes-by-mechanism",
            "study-cmo-table",
            "conflicting-evidence",
            "evidence-gaps",
            "studies",
            "evidence-by-perspective",
            "confidence-profiles")) {
      assertTrue(names.contains(required), required + " in " + names);
    }
  }

  @Test
  void headerEntriesContinueAndDeclareParameters() {
    CatalogueQuery q =
        CatalogueQuery.parse(
            "demo",
            """
            # title: A demo
            # question: Does the header
            #   continue on the next line?
            # param study (study): study id, e.g. gillard-2024
            # param word (text, optional): any word
            # example: cmograph query demo --param study=gillard-2024
            # example: cmograph query demo --param study=peer-2024 --param word=hope
            SELECT * { ?s ?p ?study FILTER(CONTAINS(STR(?s), ?word)) }
            """);
    assertEquals(List.of(), q.problems());
    assertEquals("Does the header continue on the next line?", q.question());
    assertEquals(
        List.of(
            new QueryParam("study", ParamKind.STUDY, false, "study id, e.g. gillard-2024"),
            new QueryParam("word", ParamKind.TEXT, true, "any word")),
        q.params());
    assertEquals(Map.of("study", "peer-2024", "word", "hope"), q.examples().get(1).params());
    assertEquals("--param study=STUDY [--param word=TEXT]", q.usage());
  }

  @Test
  void headerProblemsAreReportedNotThrown() {
    CatalogueQuery q =
        CatalogueQuery.parse(
            "broken",
            """
            # titel: typo
            # param x (colour): unknown kind
            # param y (text): declared but unused
            # example: cmograph query other --param z=1
            SELECT ?s { ?s ?p ?o }
            """);
    List<String> problems = q.problems();
    assertTrue(
        problems.contains(
            "line 1: not a header entry; expected '# title: ', '# question: ', '# param NAME"
                + " (KIND): ', '# example: ' or a continuation line '#   ...'"),
        problems.toString());
    assertTrue(
        problems.contains(
            "line 2: unknown parameter kind 'colour'; use mechanism, study, text or integer"),
        problems.toString());
    assertTrue(problems.contains("no '# title: ' line"), problems.toString());
    assertTrue(problems.contains("no '# question: ' line"), problems.toString());
    assertTrue(
        problems.contains("example 'cmograph query other --param z=1' runs 'other', not 'broken'"),
        problems.toString());
    assertTrue(
        problems.contains("parameter 'y' is declared but the query has no ?y"),
        problems.toString());
    assertTrue(
        problems.contains(
            "example 'cmograph query other --param z=1' passes undeclared parameter 'z'"),
        problems.toString());
    assertTrue(
        problems.contains(
            "example 'cmograph query other --param z=1' leaves out required parameter 'y'"),
        problems.toString());
  }

  @Test
  void nonStandardSparqlIsAProblem() {
    CatalogueQuery q =
        CatalogueQuery.parse(
            "arq",
            "# title: t\n"
                + "# question: q?\n"
                + "# example: cmograph query arq\n"
                + "SELECT * { LET (?x := 1) }\n");
    assertTrue(
        q.problems().stream().anyMatch(p -> p.startsWith("not standard SPARQL 1.1")),
        q.problems().toString());
  }

  @Test
  void unknownNamesGetAHint() {
    QueryUsageException e =
        assertThrows(QueryUsageException.class, () -> BundledData.catalogue().require("mechanism"));
    assertTrue(e.getMessage().contains("did you mean 'mechanisms'?"), e.getMessage());
  }

  @Test
  void theClassPathHoldsTheSameQueries() {
    // The build copies queries/ into the classes folder, as into the jar.
    QueryCatalogue packed = QueryCatalogue.fromClasspath(getClass().getClassLoader());
    assertEquals(names(BundledData.catalogue()), names(packed), packed.origin());
  }

  @Test
  void aJarIsListedWithOrWithoutFolderEntries(@TempDir Path dir) throws IOException {
    String text = "# title: T\n# question: Q?\n# example: cmograph query one\nASK {}\n";
    for (boolean folderEntries : List.of(true, false)) {
      Path jar = dir.resolve("queries-" + folderEntries + ".jar");
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
        if (folderEntries) {
          out.putNextEntry(new JarEntry("queries/"));
        } else {
          // Without a folder entry the catalogue finds the jar through its own class's entry.
          put(out, "org/cmograph/query/QueryCatalogue.class", "");
        }
        put(out, "queries/one.rq", text);
        put(out, "queries/two.rq", text.replace("one", "two"));
        put(out, "queries/nested/three.rq", text);
        put(out, "queries/README.md", "not a query");
      }
      try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
        QueryCatalogue catalogue = QueryCatalogue.fromClasspath(loader);
        assertEquals(List.of("one", "two"), names(catalogue), catalogue.origin());
        assertEquals("T", catalogue.require("two").title());
        assertEquals(List.of(), catalogue.require("two").problems());
      }
    }
  }

  private static void put(JarOutputStream out, String name, String content) throws IOException {
    out.putNextEntry(new JarEntry(name));
    OutputStream o = out;
    o.write(content.getBytes(StandardCharsets.UTF_8));
    out.closeEntry();
  }

  private static List<String> names(QueryCatalogue c) {
    return c.queries().stream().map(CatalogueQuery::name).toList();
  }
}
