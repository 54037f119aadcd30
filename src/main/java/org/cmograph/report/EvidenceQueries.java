package org.cmograph.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.tdb2.TDB2;

/**
 * The SPARQL of {@link EvidenceReader}: the {@code .rq} queries beside this class by name (and
 * restricted by a VALUES block for a partial read), run over a source that is either the store's
 * union default graph or a batch of its graphs in memory (see {@link #over}); and the small reads
 * both ways of reading share (catalogue, theory, totals, the selected CMOC nodes). An instance
 * queries one source for its life, so threads reading different batches never share one.
 */
final class EvidenceQueries {
  /** What {@link #select} queries: the store or a batch in memory. */
  private final DatasetGraph source;

  /** Whether {@link #source} is the store, queried through its union default graph. */
  private final boolean store;

  private EvidenceQueries(DatasetGraph source, boolean store) {
    this.source = source;
    this.store = store;
  }

  /** Queries over the union default graph of {@code store}. */
  static EvidenceQueries ofStore(DatasetGraph store) {
    return new EvidenceQueries(store, true);
  }

  /** The same queries over {@code batch}, a dataset in memory (its default graph). */
  static EvidenceQueries over(DatasetGraph batch) {
    return new EvidenceQueries(batch, false);
  }

  /** The mechanism catalogue. */
  List<EvidenceBase.Concept> concepts() {
    List<EvidenceBase.Concept> concepts = new ArrayList<>();
    Map<String, Boolean> seenConcepts = new LinkedHashMap<>();
    select(
        query("concepts"),
        r -> {
          if (seenConcepts.putIfAbsent(s(r, "id"), true) == null) {
            concepts.add(
                new EvidenceBase.Concept(
                    s(r, "id"), s(r, "label"), s(r, "definition"), s(r, "broader")));
          }
        });
    return concepts;
  }

  Optional<EvidenceBase.Theory> theory() {
    return new TheoryReader(this::select).read();
  }

  /** Counts of the whole store, as a complete read would count them. */
  EvidenceBase.Totals totals() {
    int[] n = new int[3];
    select(query("count-studies"), r -> n[0] = i(r, "n"));
    select(query("count-cmocs"), r -> n[1] = i(r, "n"));
    select(query("count-evidence"), r -> n[2] = i(r, "n"));
    String[] latest = {null};
    select(
        query("extraction-dates"),
        r -> {
          String d = s(r, "date");
          if (d != null && (latest[0] == null || d.compareTo(latest[0]) > 0)) {
            latest[0] = d;
          }
        });
    return new EvidenceBase.Totals(n[0], n[1], n[2], latest[0] == null ? "unknown" : latest[0]);
  }

  /**
   * The study CMOC nodes whose concept is selected or that link to a selected theory CMOC (one of
   * {@code theoryCmocs}).
   */
  Set<Node> selectedCmocNodes(Set<Node> selectedConcepts, Set<String> theoryCmocs) {
    Set<Node> cmocNodes = new LinkedHashSet<>();
    if (!selectedConcepts.isEmpty()) {
      selectNodes(
          restricted("cmoc-nodes-of-concepts", "k", selectedConcepts), "cmoc", cmocNodes::add);
    }
    if (!theoryCmocs.isEmpty()) {
      selectNodes(
          "cmoc-theory-link-nodes",
          "cmoc",
          "theory",
          (c, t) -> {
            if (theoryCmocs.contains(t)) {
              cmocNodes.add(c);
            }
          });
    }
    return cmocNodes;
  }

  void select(Query query, Consumer<QuerySolution> row) {
    try (QueryExecution qe = execution(query)) {
      ResultSet rs = qe.execSelect();
      while (rs.hasNext()) {
        row.accept(rs.next());
      }
    }
  }

  private QueryExecution execution(Query query) {
    return execution(query, false);
  }

  /**
   * An execution over {@link #source}. Over a batch in memory, row queries ({@code hashJoins}) run
   * with ARQ's index-join strategy off: every join, OPTIONALs and the VALUES block of {@link
   * #restricted} included, is then a hash join (each side matched once over the batch), not ARQ's
   * default of substituting every left row into the right side and re-planning it (evidence.rq has
   * nine OPTIONALs). The same rows (UnionGraphRead, the tests' reference, compares), in the same
   * order: the row queries' ORDER BY is total. At 10,000 studies the one-mechanism summary's
   * batches took 3.0-3.4 s instead of 3.7-4.5 s (docs/benchmarks.md, eighth round). A check of one
   * value ({@link #ask}) keeps the index join, which finds that value's matches only.
   */
  private QueryExecution execution(Query query, boolean indexJoins) {
    Context context = new Context();
    if (store) {
      context.set(TDB2.symUnionDefaultGraph, true);
    } else if (!indexJoins) {
      context.set(ARQ.optIndexJoinStrategy, false);
    }
    return QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(source))
        .query(query)
        .context(context)
        .build();
  }

  void selectNodes(String name, String var, Consumer<Node> node) {
    selectNodes(query(name), var, node);
  }

  void selectNodes(Query query, String var, Consumer<Node> node) {
    select(query, r -> node.accept(r.get(var).asNode()));
  }

  private void selectNodes(
      String name, String var, String text, java.util.function.BiConsumer<Node, String> row) {
    select(query(name), r -> row.accept(r.get(var).asNode(), s(r, text)));
  }

  /**
   * Whether the query named {@code name} has a solution with {@code var} bound to {@code value}.
   */
  boolean ask(String name, String var, Node value) {
    try (QueryExecution qe = execution(restricted(name, var, List.of(value)), true)) {
      return qe.execAsk();
    }
  }

  /**
   * The query named {@code name} with {@code VALUES ?var { ... }} as the first element of its WHERE
   * clause, so it answers for those values only: over the store, the rest is evaluated with them
   * bound (found by index); over a batch in memory, joined with them (see {@link #execution}).
   */
  static Query restricted(String name, String var, Collection<Node> values) {
    Query q = query(name).cloneQuery();
    Var v = Var.alloc(var);
    ElementData data = new ElementData();
    data.add(v);
    for (Node n : values) {
      data.add(BindingFactory.binding(v, n));
    }
    ElementGroup where = (ElementGroup) q.getQueryPattern();
    where.getElements().add(0, data);
    return q;
  }

  /** SPARQL's STRAFTER: what follows the first {@code sep} in {@code s}, or "". */
  static String strafter(String s, String sep) {
    int i = s.indexOf(sep);
    return i < 0 ? "" : s.substring(i + sep.length());
  }

  private static final Map<String, Query> QUERIES = new java.util.concurrent.ConcurrentHashMap<>();

  /** A query of this package by name (the {@code .rq} resource beside this class). */
  static Query query(String name) {
    return QUERIES.computeIfAbsent(
        name,
        n -> {
          try (InputStream in = EvidenceQueries.class.getResourceAsStream(n + ".rq")) {
            if (in == null) {
              throw new IllegalStateException("query " + n + ".rq is missing from the build");
            }
            return QueryFactory.create(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** The lexical form of a literal, or the IRI (or blank node label), bound to {@code var}. */
  static String s(QuerySolution r, String var) {
    RDFNode n = r.get(var);
    if (n == null) {
      return null;
    }
    return n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString();
  }

  static Integer i(QuerySolution r, String var) {
    String v = s(r, var);
    return v == null ? null : Integer.valueOf(v);
  }
}
