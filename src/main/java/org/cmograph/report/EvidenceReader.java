package org.cmograph.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;

/**
 * Reads the {@link EvidenceBase} from a store with SPARQL over the union of its named graphs
 * (TDB2's union default graph), so summaries see exactly what the endpoint's users see. The
 * queries live beside this class as {@code .rq} resources.
 *
 * <pre>
 * EvidenceBase base = new EvidenceReader(store.dataset()).read();
 * </pre>
 */
public final class EvidenceReader {
  private final DatasetGraph dataset;

  public EvidenceReader(DatasetGraph dataset) {
    this.dataset = dataset;
  }

  public EvidenceBase read() {
    return Txn.calculateRead(dataset, this::readInTxn);
  }

  private EvidenceBase readInTxn() {
    Map<String, List<String>> countries = new TreeMap<>();
    select("countries", r -> countries.computeIfAbsent(s(r, "id"), k -> new ArrayList<>()).add(s(r, "country")));
    Map<String, List<EvidenceBase.Sample>> samples = new TreeMap<>();
    select(
        "samples",
        r ->
            samples
                .computeIfAbsent(s(r, "id"), k -> new ArrayList<>())
                .add(new EvidenceBase.Sample(s(r, "role"), i(r, "n"))));
    Map<String, EvidenceBase.Study> studies = new LinkedHashMap<>();
    select(
        "studies",
        r -> {
          String id = s(r, "id");
          String authors = s(r, "authors");
          studies.putIfAbsent(
              id,
              new EvidenceBase.Study(
                  id,
                  s(r, "title"),
                  authors == null ? List.of() : List.of(authors.split("; ")),
                  s(r, "year"),
                  s(r, "journal"),
                  s(r, "doi"),
                  s(r, "trial"),
                  s(r, "design"),
                  List.copyOf(countries.getOrDefault(id, List.of())),
                  s(r, "setting"),
                  List.copyOf(samples.getOrDefault(id, List.of())),
                  i(r, "sampleTotal"),
                  s(r, "limitations"),
                  s(r, "relevance"),
                  s(r, "appraisalNote"),
                  s(r, "date")));
        });

    List<EvidenceBase.Concept> concepts = new ArrayList<>();
    Map<String, Boolean> seenConcepts = new LinkedHashMap<>();
    select(
        "concepts",
        r -> {
          if (seenConcepts.putIfAbsent(s(r, "id"), true) == null) {
            concepts.add(
                new EvidenceBase.Concept(
                    s(r, "id"), s(r, "label"), s(r, "definition"), s(r, "broader")));
          }
        });

    Map<String, List<EvidenceBase.Context>> contexts = new TreeMap<>();
    select(
        "contexts",
        r ->
            contexts
                .computeIfAbsent(s(r, "study") + "/" + s(r, "cmoc"), k -> new ArrayList<>())
                .add(context(r)));
    Map<String, List<EvidenceBase.Outcome>> outcomes = new TreeMap<>();
    select(
        "outcomes",
        r ->
            outcomes
                .computeIfAbsent(s(r, "study") + "/" + s(r, "cmoc"), k -> new ArrayList<>())
                .add(
                    new EvidenceBase.Outcome(
                        s(r, "id"), s(r, "description"), s(r, "direction"), s(r, "level"))));
    Map<String, Map<String, String>> links = new TreeMap<>();
    select(
        "theory-links",
        r ->
            links
                .computeIfAbsent(s(r, "study") + "/" + s(r, "cmoc"), k -> new TreeMap<>())
                .put(s(r, "theory"), s(r, "stance")));
    Map<String, EvidenceBase.StudyCmoc> cmocs = new LinkedHashMap<>();
    select(
        "cmocs",
        r -> {
          String key = s(r, "study") + "/" + s(r, "id");
          cmocs.putIfAbsent(
              key,
              new EvidenceBase.StudyCmoc(
                  s(r, "study"),
                  s(r, "id"),
                  s(r, "label"),
                  s(r, "statement"),
                  s(r, "concept"),
                  s(r, "wording"),
                  s(r, "resource"),
                  s(r, "response"),
                  List.copyOf(contexts.getOrDefault(key, List.of())),
                  List.copyOf(outcomes.getOrDefault(key, List.of())),
                  Map.copyOf(links.getOrDefault(key, Map.of()))));
        });

    Map<String, List<String>> parts = new TreeMap<>();
    select(
        "evidence-parts",
        r ->
            parts
                .computeIfAbsent(s(r, "study") + "/" + s(r, "id"), k -> new ArrayList<>())
                .add(s(r, "kind")));
    Map<String, EvidenceBase.Evidence> evidence = new LinkedHashMap<>();
    select(
        "evidence",
        r -> {
          String key = s(r, "study") + "/" + s(r, "id");
          evidence.putIfAbsent(
              key,
              new EvidenceBase.Evidence(
                  s(r, "study"),
                  s(r, "id"),
                  s(r, "cmoc"),
                  s(r, "concept"),
                  s(r, "quote"),
                  s(r, "location"),
                  s(r, "speaker"),
                  s(r, "perspective"),
                  s(r, "stance"),
                  s(r, "strength"),
                  s(r, "inference"),
                  s(r, "note"),
                  "true".equals(s(r, "verified")),
                  List.copyOf(parts.getOrDefault(key, List.of()))));
        });

    return new EvidenceBase(
        List.copyOf(studies.values()),
        List.copyOf(concepts),
        List.copyOf(cmocs.values()),
        List.copyOf(evidence.values()),
        theory());
  }

  private Optional<EvidenceBase.Theory> theory() {
    List<QuerySolution> rows = new ArrayList<>();
    select("theory", rows::add);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    QuerySolution t = rows.get(0);
    List<String> authors = new ArrayList<>();
    select("theory-authors", r -> authors.add(s(r, "author")));
    Map<String, List<EvidenceBase.Context>> contexts = new TreeMap<>();
    select(
        "theory-contexts",
        r -> contexts.computeIfAbsent(s(r, "cmoc"), k -> new ArrayList<>()).add(context(r)));
    Map<String, List<EvidenceBase.Outcome>> outcomes = new TreeMap<>();
    select(
        "theory-outcomes",
        r ->
            outcomes
                .computeIfAbsent(s(r, "cmoc"), k -> new ArrayList<>())
                .add(new EvidenceBase.Outcome(s(r, "id"), s(r, "description"), null, s(r, "level"))));
    Map<String, List<String>> derived = new TreeMap<>();
    select(
        "theory-derived",
        r -> derived.computeIfAbsent(s(r, "cmoc"), k -> new ArrayList<>()).add(s(r, "study")));
    Map<String, EvidenceBase.TheoryCmoc> cmocs = new LinkedHashMap<>();
    select(
        "theory-cmocs",
        r -> {
          String id = s(r, "id");
          Optional<EvidenceBase.Assessment> assessment =
              s(r, "overall") == null
                  ? Optional.empty()
                  : Optional.of(
                      new EvidenceBase.Assessment(
                          new EvidenceBase.Judgement(s(r, "limitations"), s(r, "limitationsWhy")),
                          new EvidenceBase.Judgement(s(r, "coherence"), s(r, "coherenceWhy")),
                          new EvidenceBase.Judgement(s(r, "adequacy"), s(r, "adequacyWhy")),
                          new EvidenceBase.Judgement(s(r, "relevance"), s(r, "relevanceWhy")),
                          s(r, "overall"),
                          s(r, "explanation"),
                          s(r, "override"),
                          s(r, "overrideWhy")));
          cmocs.putIfAbsent(
              id,
              new EvidenceBase.TheoryCmoc(
                  id,
                  s(r, "label"),
                  s(r, "statement"),
                  s(r, "version"),
                  s(r, "note"),
                  List.copyOf(derived.getOrDefault(id, List.of())),
                  List.copyOf(contexts.getOrDefault(id, List.of())),
                  s(r, "concept"),
                  s(r, "resource"),
                  s(r, "response"),
                  List.copyOf(outcomes.getOrDefault(id, List.of())),
                  assessment));
        });
    List<EvidenceBase.TheoryCmoc> ordered = new ArrayList<>(cmocs.values());
    // The initial theory first, then its refinements; by id within each.
    ordered.sort(
        java.util.Comparator.comparing((EvidenceBase.TheoryCmoc c) -> !"initial".equals(c.version()))
            .thenComparing(EvidenceBase.TheoryCmoc::id));
    return Optional.of(
        new EvidenceBase.Theory(
            s(t, "id"),
            s(t, "title"),
            s(t, "description"),
            s(t, "version"),
            s(t, "date"),
            List.copyOf(authors),
            s(t, "note"),
            List.copyOf(ordered)));
  }

  private static EvidenceBase.Context context(QuerySolution r) {
    return new EvidenceBase.Context(s(r, "id"), s(r, "description"), s(r, "type"), s(r, "role"));
  }

  private void select(String name, Consumer<QuerySolution> row) {
    Context context = new Context();
    context.set(TDB2.symUnionDefaultGraph, true);
    try (QueryExecution qe =
        QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(dataset)).query(query(name)).context(context).build()) {
      ResultSet rs = qe.execSelect();
      while (rs.hasNext()) {
        row.accept(rs.next());
      }
    }
  }

  private static final Map<String, Query> QUERIES = new java.util.concurrent.ConcurrentHashMap<>();

  /** A query of this package by name (the {@code .rq} resource beside this class). */
  static Query query(String name) {
    return QUERIES.computeIfAbsent(
        name,
        n -> {
          try (InputStream in = EvidenceReader.class.getResourceAsStream(n + ".rq")) {
            if (in == null) {
              throw new IllegalStateException("query " + n + ".rq is missing from the build");
            }
            return QueryFactory.create(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static String s(QuerySolution r, String var) {
    RDFNode n = r.get(var);
    if (n == null) {
      return null;
    }
    return n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString();
  }

  private static Integer i(QuerySolution r, String var) {
    String v = s(r, var);
    return v == null ? null : Integer.valueOf(v);
  }
}
