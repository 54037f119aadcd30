package org.cmograph.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.Test;

/**
 * The endpoint's kept parses: a copy handed out is the query parsed again (same text when written
 * out, same answers), never the kept query itself, and the cache stays within its bounds.
 */
class ParsedQueriesTest {
  /** Queries of every form, with the parts a copy must carry (functions, paths, EXISTS, ...). */
  static final List<String> FORMS =
      List.of(
          "PREFIX ex: <http://example.org/> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>"
              + " SELECT ?s (xsd:integer(?n) + 1 AS ?m) WHERE { ?s ex:n ?n"
              + " FILTER(STRLEN(STR(?s)) > 3) } ORDER BY DESC(?m) LIMIT 5",
          "PREFIX ex: <http://example.org/>"
              + " SELECT ?s (COUNT(?o) AS ?c) (GROUP_CONCAT(STR(?o); separator=\"|\") AS ?all)"
              + " WHERE { ?s ex:p+ ?o } GROUP BY ?s HAVING (COUNT(?o) > 0) ORDER BY ?s",
          "PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:n ?n FILTER NOT EXISTS { ?s"
              + " ex:p ?x } OPTIONAL { SELECT ?s (MAX(?n2) AS ?top) { ?s ex:n ?n2 } GROUP BY ?s"
              + " } BIND(COALESCE(?top, -1) AS ?t) VALUES ?n { 1 2 3 } } ORDER BY ?s ?n",
          "PREFIX ex: <http://example.org/> CONSTRUCT { ?o ex:back ?s } WHERE { ?s ex:p ?o }",
          "PREFIX ex: <http://example.org/> DESCRIBE ex:a",
          "PREFIX ex: <http://example.org/> ASK { ex:a ex:p ex:b }");

  static final String DATA =
      "@prefix ex: <http://example.org/> .\n"
          + "ex:a ex:p ex:b ; ex:n 1 .\n"
          + "ex:b ex:p ex:c ; ex:n 2 .\n"
          + "ex:c ex:n 3 .\n"
          + "ex:dd ex:n 3 .\n";

  static Query parse(String text) {
    return QueryFactory.create(text, "http://localhost/", Syntax.syntaxARQ);
  }

  static Stream<String> texts() throws IOException {
    List<String> all = new ArrayList<>(FORMS);
    try (Stream<Path> files = Files.list(Repo.root().resolve("queries"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".rq")).sorted().toList()) {
        all.add(Files.readString(f));
      }
    }
    return all.stream();
  }

  @Test
  void aCopyIsTheQueryParsedAgainAndNeverTheKeptOne() throws IOException {
    ParsedQueries cache = new ParsedQueries();
    for (String text : texts().toList()) {
      assertNull(cache.copyOf(text));
      Query parsed = parse(text);
      cache.keep(text, parsed);
      Query first = cache.copyOf(text);
      Query second = cache.copyOf(text);
      assertNotNull(first, text);
      assertEquals(parsed.serialize(), first.serialize(), text);
      assertEquals(parsed.getResultVars(), first.getResultVars(), text);
      assertNotSame(parsed, first);
      assertNotSame(first, second);
      if (first.getQueryPattern() != null) {
        assertNotSame(first.getQueryPattern(), second.getQueryPattern());
      }
      // What one request does to its copy is not seen by the next.
      first.setLimit(1);
      assertEquals(parsed.getLimit(), cache.copyOf(text).getLimit(), text);
    }
  }

  @Test
  void copiesRunConcurrentlyGiveTheAnswersOfAFreshParse() throws Exception {
    DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
    RDFParser.fromString(DATA, Lang.TURTLE).parse(dsg.getDefaultGraph());
    ParsedQueries cache = new ParsedQueries();
    List<String> expected = new ArrayList<>();
    for (String text : FORMS) {
      cache.keep(text, parse(text));
      expected.add(answer(dsg, parse(text)));
    }
    assertTrue(expected.get(0).contains("http://example.org/"), expected.get(0));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int r = 0; r < 200; r++) {
        int i = r % FORMS.size();
        runs.add(
            pool.submit(
                () -> assertEquals(expected.get(i), answer(dsg, cache.copyOf(FORMS.get(i))))));
      }
      for (Future<?> f : runs) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String answer(DatasetGraph dsg, Query q) {
    return org.apache.jena.system.Txn.calculateRead(
        dsg,
        () -> {
          try (QueryExec exec = QueryExec.newBuilder().dataset(dsg).query(q).build()) {
            if (q.isSelectType()) {
              StringBuilder rows = new StringBuilder();
              exec.select().forEachRemaining(row -> rows.append(row).append('\n'));
              return rows.toString();
            }
            if (q.isAskType()) {
              return Boolean.toString(exec.ask());
            }
            return q.isConstructType()
                ? exec.construct().find().toList().toString()
                : exec.describe().find().toList().toString();
          }
        });
  }

  @Test
  void longTextsAreNotKeptAndTheLeastRecentlyUsedGoFirst() {
    ParsedQueries cache = new ParsedQueries();
    String longText =
        "SELECT * { ?s ?p ?o }" + " ".repeat(ParsedQueries.MAX_CHARS) + "# longer than kept";
    cache.keep(longText, parse(longText));
    assertNull(cache.copyOf(longText));
    assertEquals(0, cache.size());
    List<String> texts = new ArrayList<>();
    for (int i = 0; i <= ParsedQueries.ENTRIES; i++) {
      String text = "SELECT * { ?s ?p " + i + " }";
      texts.add(text);
      cache.keep(text, parse(text));
      if (i == 0) {
        continue;
      }
      // The first text is used after each new one: it stays, the second is the oldest.
      assertNotNull(cache.copyOf(texts.get(0)));
    }
    assertEquals(ParsedQueries.ENTRIES, cache.size());
    assertNotNull(cache.copyOf(texts.get(0)));
    assertNull(cache.copyOf(texts.get(1)));
    assertNotNull(cache.copyOf(texts.get(ParsedQueries.ENTRIES)));
  }
}
