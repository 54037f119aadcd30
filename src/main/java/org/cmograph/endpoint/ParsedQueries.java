package org.cmograph.endpoint;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.query.Query;

/**
 * The queries an endpoint has parsed and let through its checks, kept by their exact text, so a
 * text sent again is not parsed again. For the catalogue's small queries parsing is the largest
 * single cost of a request (ARQ's parser takes ~1 ms for the 3.3 KB of study-cmo-table, half the
 * server's time for it; a copy of the parsed query takes ~10 µs).
 *
 * <p>Each request gets its own deep copy ({@link Query#cloneQuery()}: elements and expressions are
 * copied, so nothing that evaluation binds, such as a function call's implementation, is shared
 * between requests); the kept query is never run. Only a query that parsed and passed the nesting
 * limit and {@link QueryPolicy} is kept: those checks depend on the text alone, so the same text
 * would pass them again. A text that failed is checked anew each time it is sent. Bounded: at most
 * {@value #ENTRIES} texts of at most {@value #MAX_CHARS} characters, the least recently used
 * dropped first.
 */
final class ParsedQueries {
  /** Most texts kept. */
  static final int ENTRIES = 128;

  /** Longer texts are not kept (parsed each time, as before). */
  static final int MAX_CHARS = 16 * 1024;

  private final Map<String, Query> kept =
      new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Query> eldest) {
          return size() > ENTRIES;
        }
      };

  /** A copy of the query kept for {@code text}, for one request only; null if none is kept. */
  Query copyOf(String text) {
    Query q;
    synchronized (kept) {
      q = kept.get(text);
    }
    return q == null ? null : q.cloneQuery();
  }

  /** Keeps a copy of {@code checked}, parsed from {@code text} and passed by every check. */
  void keep(String text, Query checked) {
    if (text.length() > MAX_CHARS) {
      return;
    }
    Query copy = checked.cloneQuery();
    // State the query computes on first use is computed here, before other threads read it.
    copy.getResultVars();
    synchronized (kept) {
      kept.put(text, copy);
    }
  }

  /** Texts kept now. */
  int size() {
    synchronized (kept) {
      return kept.size();
    }
  }
}
