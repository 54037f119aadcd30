package org.cmograph.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.cmograph.rdf.Vocab;

/**
 * The part of one study graph that a summary of some sections reads (the queries of {@code
 * report.EvidenceReader}), found by a walk from the study and the selected CMOCs over the graph's
 * quads (in a TDB2 store read by one range scan into {@link GraphTuples}), so only that part is
 * decoded and copied:
 *
 * <ul>
 *   <li>the study (every triple whose subject it is), its publication, extraction and sample
 *       groups;
 *   <li>the selected CMOCs: those whose mechanism is an instance of one of the selected concepts,
 *       and those with a supports/refutes/refinesTheory link to a selected theory CMOC; each whole,
 *       with its mechanism (resource, response), actor, context links and their contexts, outcomes
 *       and their actors;
 *   <li>the evidence items for the selected CMOCs, each whole, and the parts they concern.
 * </ul>
 *
 * The other CMOCs of the study and their evidence, and the Web Annotation targets of the quotes,
 * are left out: about half of a study graph for a one-mechanism summary. It works on node ids in a
 * TDB2 store (decoded later, all at once) and on nodes in any other dataset, with the same walk.
 * The tests that compare a batched read with the union-graph read (EvidenceReaderBatchTest,
 * SummarySelectiveReadTest, GeneratedStoreReadIT) fail if a query reads a triple this leaves out.
 *
 * @param <T> a node id or a node
 */
final class SectionSlice<T> {
  /** Quads by pattern (graph, subject, predicate, object), the wildcard given to the slice. */
  interface Quads<T> {
    Iterator<Tuple<T>> find(T g, T s, T p, T o);
  }

  /** From a CMOC, its study or a part of it: the objects whose triples are read too. */
  private static final List<Node> FOLLOWED =
      List.of(
          Vocab.reportedIn,
          Vocab.wasGeneratedBy,
          Vocab.hasSampleGroup,
          Vocab.mechanismActor,
          Vocab.hasMechanism,
          Vocab.hasResource,
          Vocab.hasResponse,
          Vocab.hasContextLink,
          Vocab.linkedContext,
          Vocab.hasOutcome,
          Vocab.outcomeFor,
          Vocab.concerns);

  private static final List<Node> THEORY_LINKS =
      List.of(Vocab.supportsTheory, Vocab.refutesTheory, Vocab.refinesTheory);

  private final T any;
  private final Predicate<T> subjectLike;
  private final T type;
  private final T study;
  private final T instanceOfConcept;
  private final T hasMechanism;
  private final T evidenceFor;
  private final List<T> theoryLinks;
  private final Set<T> followed;
  private final Set<T> skipped;

  /**
   * @param id the store's id of a node, or null when the store holds no such node
   * @param subjectLike whether a node found as an object may be the subject of triples (not a
   *     literal or an inline id)
   */
  SectionSlice(
      T any, Function<Node, T> id, Predicate<T> subjectLike, Collection<Node> skippedPredicates) {
    this.any = any;
    this.subjectLike = subjectLike;
    this.type = id.apply(Vocab.type);
    this.study = id.apply(Vocab.Study);
    this.instanceOfConcept = id.apply(Vocab.instanceOfConcept);
    this.hasMechanism = id.apply(Vocab.hasMechanism);
    this.evidenceFor = id.apply(Vocab.evidenceFor);
    this.theoryLinks = ids(THEORY_LINKS, id);
    this.followed = new HashSet<>(ids(FOLLOWED, id));
    this.skipped = new HashSet<>(ids(skippedPredicates, id));
  }

  /** A slice of nodes (for a dataset that is not a TDB2 store: see {@link #quadsOf}). */
  static SectionSlice<Node> onNodes(Collection<Node> skippedPredicates) {
    return new SectionSlice<>(Node.ANY, n -> n, n -> !n.isLiteral(), skippedPredicates);
  }

  /** The quads of any dataset by pattern, read node by node. */
  static Quads<Node> quadsOf(DatasetGraph dataset) {
    return (g, s, p, o) ->
        Iter.map(
            dataset.find(g, s, p, o),
            q ->
                TupleFactory.create4(
                    q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()));
  }

  private static <T> List<T> ids(Collection<Node> nodes, Function<Node, T> id) {
    return nodes.stream().map(id).filter(Objects::nonNull).toList();
  }

  /**
   * The quads of graph {@code g} that a summary of these sections reads, found in {@code quads}:
   * {@code concepts} and {@code theoryCmocs} are the (ids of the) selected mechanism concepts and
   * theory CMOCs.
   */
  List<Tuple<T>> read(Quads<T> quads, T g, Collection<T> concepts, Collection<T> theoryCmocs) {
    Set<T> seen = new HashSet<>();
    Deque<T> todo = new ArrayDeque<>();
    if (type != null && study != null) {
      find(quads, g, any, type, study, s -> visit(s, seen, todo));
    }
    Set<T> cmocs = new LinkedHashSet<>();
    if (instanceOfConcept != null && hasMechanism != null) {
      for (T k : concepts) {
        find(
            quads,
            g,
            any,
            instanceOfConcept,
            k,
            m -> find(quads, g, any, hasMechanism, m, cmocs::add));
      }
    }
    for (T p : theoryLinks) {
      for (T t : theoryCmocs) {
        find(quads, g, any, p, t, cmocs::add);
      }
    }
    for (T c : cmocs) {
      visit(c, seen, todo);
      if (evidenceFor != null) {
        find(quads, g, any, evidenceFor, c, e -> visit(e, seen, todo));
      }
    }
    List<Tuple<T>> slice = new ArrayList<>();
    while (!todo.isEmpty()) {
      quads
          .find(g, todo.pop(), any, any)
          .forEachRemaining(
              q -> {
                if (!skipped.contains(q.get(2))) {
                  slice.add(q);
                  if (followed.contains(q.get(2)) && subjectLike.test(q.get(3))) {
                    visit(q.get(3), seen, todo);
                  }
                }
              });
    }
    return slice;
  }

  /** The subjects of the quads (g, s, p, o) with {@code any} for the subject. */
  private static <T> void find(
      Quads<T> quads, T g, T s, T p, T o, java.util.function.Consumer<T> subject) {
    quads.find(g, s, p, o).forEachRemaining(q -> subject.accept(q.get(1)));
  }

  private static <T> void visit(T node, Set<T> seen, Deque<T> todo) {
    if (seen.add(node)) {
      todo.push(node);
    }
  }
}
