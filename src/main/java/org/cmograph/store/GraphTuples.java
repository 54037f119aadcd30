package org.cmograph.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.apache.jena.atlas.lib.tuple.Tuple;

/**
 * The quads of one graph in memory, found by pattern as {@link SectionSlice} asks: by subject (a
 * map), or by predicate and object (a scan of the graph's few hundred quads). Read with one range
 * scan of the store's index instead of one index descent per node the slice visits (about fifty for
 * a study of a one-mechanism summary).
 *
 * @param <T> a node id or a node
 */
final class GraphTuples<T> implements SectionSlice.Quads<T> {
  private final List<Tuple<T>> quads;
  private final Map<T, List<Tuple<T>>> bySubject = new HashMap<>();
  private final T any;
  private final BiPredicate<T, T> same;

  /**
   * @param quads every quad (graph, subject, predicate, object) of one graph
   * @param any the wildcard of a pattern
   * @param same whether two terms are the same term (for node ids, of the same type too: {@code
   *     NodeId.equals} compares values only); subjects are never inline ids, so they key a map
   */
  GraphTuples(List<Tuple<T>> quads, T any, BiPredicate<T, T> same) {
    this.quads = quads;
    this.any = any;
    this.same = same;
    for (Tuple<T> q : quads) {
      bySubject.computeIfAbsent(q.get(1), k -> new ArrayList<>(8)).add(q);
    }
  }

  @Override
  public Iterator<Tuple<T>> find(T g, T s, T p, T o) {
    List<Tuple<T>> from = s == any ? quads : bySubject.getOrDefault(s, List.of());
    List<Tuple<T>> found = new ArrayList<>();
    for (Tuple<T> q : from) {
      if (matches(s, q.get(1)) && matches(p, q.get(2)) && matches(o, q.get(3))) {
        found.add(q);
      }
    }
    return found.iterator();
  }

  private boolean matches(T pattern, T term) {
    return pattern == any || same.test(pattern, term);
  }
}
