package org.cmograph.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
