package org.cmograph.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The endpoint logs each query on one line, cut short, with its full length. */
class GuardedQueryTest {
  @Test
  void aShortQueryIsLoggedWholeOnOneLine() {
    assertEquals(
        "SELECT ?s { ?s ?p ?o } LIMIT 1",
        GuardedQuery.forLog("  SELECT ?s\n{ ?s ?p ?o }\r\n\tLIMIT 1\n"));
  }

  @Test
  void aLongQueryIsCutAndSaysHowLongItWas() {
    String query = "SELECT * {\n" + "  ?s ?p ?o .\n".repeat(1000) + "}";
    String logged = GuardedQuery.forLog(query);
    assertTrue(logged.startsWith("SELECT * { ?s ?p ?o . ?s ?p ?o ."), logged);
    assertTrue(logged.endsWith("... (" + query.length() + " chars)"), logged);
    assertEquals(
        GuardedQuery.LOGGED_CHARS + ("... (" + query.length() + " chars)").length(),
        logged.length());
    assertTrue(logged.indexOf('\n') < 0);
  }

  /** The line as the regular expression it replaced made it: the oracle for any text. */
  private static String byRegex(String queryString) {
    String flat = queryString.strip().replaceAll("\\s+", " ");
    return flat.length() <= GuardedQuery.LOGGED_CHARS
        ? flat
        : flat.substring(0, GuardedQuery.LOGGED_CHARS) + "... (" + queryString.length() + " chars)";
  }

  @Test
  void theLineIsTheOneTheRegularExpressionGave() {
    String alphabet = "ab{}?. \t\n\r\f\u000B\u00A0\u2003\u001Cé";
    Random random = new Random(17);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(i % 2 == 0 ? 40 : 400);
      for (int j = 0; j < length; j++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String q = text.toString();
      assertEquals(
          byRegex(q), GuardedQuery.forLog(q), () -> "for " + q.codePoints().boxed().toList());
    }
  }
}
