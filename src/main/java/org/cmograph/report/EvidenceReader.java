package org.cmograph.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.cmograph.rdf.Iris;
import org.cmograph.rdf.Vocab;
import org.cmograph.store.StoreIndex;
import org.cmograph.store.StoreIndex.StudyGraphs;
import org.cmograph.util.Futures;

/**
 * Reads the {@link EvidenceBase} from a store with SPARQL over the union of its named graphs
 * (TDB2's union default graph), so summaries see exactly what the endpoint's users see. The queries
 * live beside this class as {@code .rq} resources.
 *
 * <pre>
 * EvidenceBase base = new EvidenceReader(store.dataset()).read();
 * EvidenceBase one = new EvidenceReader(store.dataset()).read(List.of("hope"), List.of()); // partial
 * </pre>
 */
public final class EvidenceReader {
  /** How many studies a batch holds (see {@link #EvidenceReader(DatasetGraph, int)}). */
  static final int BATCH = 500;

  private final DatasetGraph dataset;
  private final int batchSize;

  /** What {@link #select} queries: the store (its union default graph) or a batch in memory. */
  private volatile DatasetGraph source;

  public EvidenceReader(DatasetGraph dataset) {
    this(dataset, BATCH);
  }

  /**
   * A reader that copies the store's graphs into memory {@code batchSize} studies at a time (each
   * study's graph, with the other graphs: ontology, catalogue, theory) and runs the queries there:
   * a range scan per graph instead of index joins across every graph of the union. With {@code
   * batchSize} 0 it queries the store's union default graph directly (the reference the batched
   * read must equal; tests compare them).
   */
  EvidenceReader(DatasetGraph dataset, int batchSize) {
    this.dataset = dataset;
    this.batchSize = batchSize;
    this.source = dataset;
  }

  public EvidenceBase read() {
    return Txn.calculateRead(dataset, () -> readInTxn(null));
  }

  /**
   * A partial base (see {@link EvidenceBase}) for the sections of these mechanism concepts and
   * theory CMOCs: only the study CMOCs those sections draw on (whose concept is one of {@code
   * mechanisms}, or that link to one of {@code theoryCmocs}) with their contexts, outcomes, links
   * and evidence, and only the studies they (and the selected theory CMOCs) cite; plus the whole
   * catalogue and theory, the store's totals and the concepts in use. The queries are the same as
   * for {@link #read()}, restricted by a VALUES block, so the sections come out the same.
   */
  public EvidenceBase read(Collection<String> mechanisms, Collection<String> theoryCmocs) {
    return Txn.calculateRead(
        dataset,
        () -> {
          // A mechanism's section draws on its narrower concepts too (the one counting rule).
          Set<String> withNarrower =
              mechanisms.isEmpty()
                  ? Set.of()
                  : EvidenceBase.selfAndNarrower(mechanisms, concepts());
          return readInTxn(new Restriction(Set.copyOf(withNarrower), Set.copyOf(theoryCmocs)));
        });
  }

  /** What a partial read is for. */
  private record Restriction(Set<String> mechanisms, Set<String> theoryCmocs) {}

  private EvidenceBase readInTxn(Restriction only) {
    source = dataset;
    if (batchSize > 0) {
      try {
        return readBatched(only);
      } finally {
        source = dataset;
      }
    }
    if (only == null) {
      return readAll(null, null, null);
    }
    Optional<EvidenceBase.Theory> theory = theory();
    // The concepts study CMOCs name: each IRI any mechanism is an instance of, kept if a study CMOC
    // (as cmocs.rq finds them) names it.
    Map<String, Node> inUse = new TreeMap<>();
    Set<Node> conceptNodes = new LinkedHashSet<>();
    selectNodes("mechanism-concepts-used", "k", conceptNodes::add);
    Set<Node> selectedConcepts = new LinkedHashSet<>();
    for (Node k : conceptNodes) {
      if (ask("cmocs-of-concept", "k", k)) {
        String id = strafter(k.isURI() ? k.getURI() : k.toString(), "/mechanism/");
        inUse.putIfAbsent(id, k);
        if (only.mechanisms().contains(id)) {
          selectedConcepts.add(k);
        }
      }
    }
    // The CMOC nodes the selected sections draw on.
    Set<Node> cmocNodes = selectedCmocNodes(selectedConcepts, only);
    // The studies they cite: by identifier, as the sections look them up.
    Set<String> studyIds = new TreeSet<>();
    theory.ifPresent(
        t ->
            t.cmocs().stream()
                .filter(c -> only.theoryCmocs().contains(c.id()))
                .forEach(c -> studyIds.addAll(c.derivedFrom())));
    if (!cmocNodes.isEmpty()) {
      selectNodes(
          restricted("cmoc-studies", "cmoc", cmocNodes),
          "study",
          n -> studyIds.add(n.getLiteralLexicalForm()));
    }
    List<Node> studyLiterals =
        studyIds.stream().map(i -> (Node) NodeFactory.createLiteralString(i)).toList();
    EvidenceBase all = readAll(studyLiterals, cmocNodes, theory);
    EvidenceBase.Totals totals = totals();
    return EvidenceBase.partial(
        all.studies(), all.concepts(), all.cmocs(), all.evidence(), theory, totals, inUse.keySet());
  }

  /**
   * Reads as {@link #readInTxn} does over the union graph, a batch of studies at a time: the shared
   * graphs once, then for each batch (in study identifier order, the order the queries sort by) the
   * same queries over an in-memory copy of the batch's graphs and the shared ones.
   */
  private EvidenceBase readBatched(Restriction only) {
    ExecutorService reader =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "cmograph-summary-reader");
              t.setDaemon(true);
              return t;
            });
    try (StoreIndex indexes = new StoreIndex(dataset)) {
      return readBatched(only, indexes, reader);
    } finally {
      reader.shutdown();
    }
  }

  /** What the queries over the shared graphs (ontology, catalogue, theory) give every read. */
  private record SharedFacts(
      Optional<EvidenceBase.Theory> theory, List<EvidenceBase.Concept> concepts) {}

  private EvidenceBase readBatched(Restriction only, StoreIndex indexes, ExecutorService reader) {
    Graph shared = indexes.sharedGraph();
    // The reader thread queries the shared graphs while this one, which holds the transaction,
    // reads the study index (and for a selection, which studies name each concept) by node ids:
    // in a fresh JVM both are mostly class loading and interpretation, a few hundred ms each.
    Future<SharedFacts> sharedRead =
        reader.submit(
            () -> {
              source = DatasetGraphFactory.wrap(shared);
              return new SharedFacts(theory(), concepts());
            });
    List<StudyGraphs> index;
    Map<String, StudyGraphs> bySlug = new HashMap<>();
    Map<String, StudyGraphs> byId = new HashMap<>();
    Map<Node, Set<StudyGraphs>> studiesOfConcept = Map.of();
    DatasetGraph firstBatch = null;
    try {
      index = indexes.studies();
      if (only != null) {
        index.forEach(
            s -> {
              bySlug.put(Iris.studyOfGraph(s.graph()), s);
              byId.put(s.id(), s);
            });
        // The concepts study CMOCs name, and the studies that name each: found by index (the
        // instanceOfConcept quads with their graphs), checked below as cmocs.rq would find them.
        studiesOfConcept = indexes.studiesOfConcept(bySlug);
        // One batch of the first study naming each concept answers (almost) every check at once;
        // a concept it does not confirm is checked study by study.
        Set<StudyGraphs> firsts = new LinkedHashSet<>();
        studiesOfConcept.values().forEach(studies -> firsts.add(studies.iterator().next()));
        firstBatch = indexes.batch(shared, List.copyOf(firsts));
      }
    } finally {
      // Never move on while the reader still queries (source is shared).
      finish(sharedRead);
    }
    SharedFacts facts = Futures.await(sharedRead, "reading the evidence base");
    Optional<EvidenceBase.Theory> theory = facts.theory();
    List<EvidenceBase.Concept> concepts = facts.concepts();
    Rows rows = new Rows();
    if (only == null) {
      inBatches(reader, indexes, shared, index, () -> {}, () -> readStudies(rows, null, null));
      return rows.base(concepts, theory);
    }
    Map<String, Node> inUse = new TreeMap<>();
    Set<Node> selectedConcepts = new LinkedHashSet<>();
    Set<StudyGraphs> wanted = new java.util.HashSet<>();
    DatasetGraph first = firstBatch;
    studiesOfConcept.forEach(
        (k, studies) -> {
          String id = strafter(k.isURI() ? k.getURI() : k.toString(), "/mechanism/");
          source = first;
          boolean used = ask("cmocs-of-concept", "k", k);
          for (Iterator<StudyGraphs> it = studies.iterator(); !used && it.hasNext(); ) {
            source = indexes.batch(shared, List.of(it.next()));
            used = ask("cmocs-of-concept", "k", k);
          }
          if (used) {
            inUse.putIfAbsent(id, k);
            if (only.mechanisms().contains(id)) {
              selectedConcepts.add(k);
              wanted.addAll(studies);
            }
          }
        });
    // The studies whose CMOCs link to a selected theory CMOC, and those the theory CMOCs cite.
    if (!only.theoryCmocs().isEmpty()) {
      for (Node p : List.of(Vocab.supportsTheory, Vocab.refutesTheory, Vocab.refinesTheory)) {
        dataset
            .find(Node.ANY, Node.ANY, p, Node.ANY)
            .forEachRemaining(
                q -> {
                  String t =
                      strafter(
                          q.getObject().isURI() ? q.getObject().getURI() : q.getObject().toString(),
                          "/id/theory/");
                  StudyGraphs s = bySlug.get(StoreIndex.slugOf(q.getGraph()));
                  if (s != null && only.theoryCmocs().contains(t)) {
                    wanted.add(s);
                  }
                });
      }
    }
    Set<String> cited = new TreeSet<>();
    theory.ifPresent(
        t ->
            t.cmocs().stream()
                .filter(c -> only.theoryCmocs().contains(c.id()))
                .forEach(c -> cited.addAll(c.derivedFrom())));
    cited.forEach(
        id -> {
          if (byId.containsKey(id)) {
            wanted.add(byId.get(id));
          }
        });
    List<StudyGraphs> selected = index.stream().filter(wanted::contains).toList();
    EvidenceBase.Totals[] totals = new EvidenceBase.Totals[1];
    inBatches(
        reader,
        indexes,
        shared,
        selected,
        () -> totals[0] = totalsOf(indexes.totals(index)),
        () -> {
          // As readInTxn over the union graph: the selected CMOC nodes, the studies they and the
          // selected theory CMOCs cite, then those only.
          Set<Node> cmocNodes = selectedCmocNodes(selectedConcepts, only);
          Set<String> studyIds = new TreeSet<>(cited);
          if (!cmocNodes.isEmpty()) {
            selectNodes(
                restricted("cmoc-studies", "cmoc", cmocNodes),
                "study",
                n -> studyIds.add(n.getLiteralLexicalForm()));
          }
          readStudies(
              rows,
              studyIds.stream().map(i -> (Node) NodeFactory.createLiteralString(i)).toList(),
              cmocNodes);
        });
    EvidenceBase all = rows.base(concepts, theory);
    return EvidenceBase.partial(
        all.studies(),
        all.concepts(),
        all.cmocs(),
        all.evidence(),
        theory,
        totals[0],
        inUse.keySet());
  }

  /**
   * Runs {@code read} once per batch of {@code studies} ({@link #batchSize} at a time, in order),
   * with {@link #source} set to the batch in memory. Two threads share the work: this one, which
   * holds the read transaction, copies the next batch out of the store while a second one runs
   * {@code read} over the batch before it (queries over memory need no transaction). Batches are
   * read in order, one at a time, so rows arrive as a sequential read adds them; at most two
   * batches are in memory at once. {@code meanwhile} runs on this thread, in the transaction, once
   * the last batch is handed over, so it costs no time of its own while that batch is read (with
   * one batch, the whole read).
   */
  private void inBatches(
      ExecutorService reader,
      StoreIndex indexes,
      Graph shared,
      List<StudyGraphs> studies,
      Runnable meanwhile,
      Runnable read) {
    if (studies.isEmpty()) {
      meanwhile.run();
      return;
    }
    Future<?> previous = null;
    try {
      for (int from = 0; from < studies.size(); from += batchSize) {
        DatasetGraph batch =
            indexes.batch(
                shared, studies.subList(from, Math.min(studies.size(), from + batchSize)));
        if (previous != null) {
          await(previous);
        }
        previous =
            reader.submit(
                () -> {
                  source = batch;
                  read.run();
                });
      }
      meanwhile.run();
      await(previous);
    } finally {
      // On a failure here, let a batch still being read finish (queries over memory do not heed
      // interrupts) before the caller moves on and source points at the store again.
      finish(previous);
    }
  }

  /** Waits for {@code read} to end, whatever its outcome, even if this thread is interrupted. */
  private static void finish(Future<?> read) {
    if (read == null) {
      return;
    }
    boolean interrupted = false;
    while (!read.isDone()) {
      try {
        read.get();
      } catch (InterruptedException e) {
        interrupted = true;
      } catch (java.util.concurrent.ExecutionException
          | java.util.concurrent.CancellationException e) {
        break;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits for a batch's read, passing on what it threw. */
  private static void await(Future<?> read) {
    Futures.await(read, "reading the evidence base");
  }

  /** Counts of the whole store, as a complete read would count them. */
  private EvidenceBase.Totals totals() {
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
   * Reads studies, catalogue, CMOCs and evidence: all of them when {@code studyIds} is null,
   * otherwise only those studies and those CMOC nodes (and their evidence).
   */
  private EvidenceBase readAll(
      List<Node> studyIds, Set<Node> cmocNodes, Optional<EvidenceBase.Theory> knownTheory) {
    Rows rows = new Rows();
    readStudies(rows, studyIds, cmocNodes);
    return rows.base(concepts(), knownTheory != null ? knownTheory : theory());
  }

  /** The rows read so far, in the order of the queries' ORDER BY (study identifier first). */
  private static final class Rows {
    final Map<String, EvidenceBase.Study> studies = new LinkedHashMap<>();
    final Map<String, EvidenceBase.StudyCmoc> cmocs = new LinkedHashMap<>();
    final Map<String, EvidenceBase.Evidence> evidence = new LinkedHashMap<>();

    EvidenceBase base(List<EvidenceBase.Concept> concepts, Optional<EvidenceBase.Theory> theory) {
      return new EvidenceBase(
          List.copyOf(studies.values()),
          List.copyOf(concepts),
          List.copyOf(cmocs.values()),
          List.copyOf(evidence.values()),
          theory);
    }
  }

  /** The mechanism catalogue. */
  private List<EvidenceBase.Concept> concepts() {
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

  /**
   * Adds the studies, CMOCs and evidence {@link #source} holds to {@code rows}: all of them when
   * {@code studyIds} is null, otherwise only those studies and those CMOC nodes (and their
   * evidence). Everything a row is keyed by lies in one study's graphs, so reading the studies in
   * batches (in identifier order) adds the same rows in the same order as one read of them all.
   */
  private void readStudies(Rows rows, List<Node> studyIds, Set<Node> cmocNodes) {
    boolean partial = studyIds != null;
    Function<String, Query> studyQuery =
        name -> partial ? restricted(name, "id", studyIds) : query(name);
    Function<String, Query> cmocQuery =
        name -> partial ? restricted(name, "c", cmocNodes) : query(name);
    Map<String, List<String>> countries = new TreeMap<>();
    select(
        studyQuery.apply("countries"),
        r -> countries.computeIfAbsent(s(r, "id"), k -> new ArrayList<>()).add(s(r, "country")));
    Map<String, List<EvidenceBase.Sample>> samples = new TreeMap<>();
    select(
        studyQuery.apply("samples"),
        r ->
            samples
                .computeIfAbsent(s(r, "id"), k -> new ArrayList<>())
                .add(new EvidenceBase.Sample(s(r, "role"), i(r, "n"))));
    Map<String, List<EvidenceBase.Related>> related = new TreeMap<>();
    select(
        studyQuery.apply("related"),
        r ->
            related
                .computeIfAbsent(s(r, "id"), k -> new ArrayList<>())
                .add(new EvidenceBase.Related(s(r, "related"), s(r, "relation"))));
    Map<String, EvidenceBase.Study> studies = rows.studies;
    select(
        studyQuery.apply("studies"),
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
                  s(r, "date"),
                  List.copyOf(related.getOrDefault(id, List.of()))));
        });

    Map<String, List<EvidenceBase.Context>> contexts = new TreeMap<>();
    select(
        cmocQuery.apply("contexts"),
        r ->
            contexts
                .computeIfAbsent(s(r, "study") + "/" + s(r, "cmoc"), k -> new ArrayList<>())
                .add(context(r)));
    Map<String, List<EvidenceBase.Outcome>> outcomes = new TreeMap<>();
    select(
        cmocQuery.apply("outcomes"),
        r ->
            outcomes
                .computeIfAbsent(s(r, "study") + "/" + s(r, "cmoc"), k -> new ArrayList<>())
                .add(
                    new EvidenceBase.Outcome(
                        s(r, "id"),
                        s(r, "description"),
                        s(r, "direction"),
                        s(r, "level"),
                        actor(r))));
    Map<String, Map<String, String>> links = new TreeMap<>();
    select(
        cmocQuery.apply("theory-links"),
        r ->
            links
                .computeIfAbsent(s(r, "study") + "/" + s(r, "cmoc"), k -> new TreeMap<>())
                .put(s(r, "theory"), s(r, "stance")));
    Map<String, EvidenceBase.StudyCmoc> cmocs = rows.cmocs;
    select(
        partial ? restricted("cmocs", "cmoc", cmocNodes) : query("cmocs"),
        r -> {
          String key = s(r, "study") + "/" + s(r, "id");
          cmocs.putIfAbsent(
              key,
              new EvidenceBase.StudyCmoc(
                  s(r, "study"),
                  s(r, "id"),
                  s(r, "label"),
                  s(r, "statement"),
                  s(r, "kind"),
                  actor(r),
                  s(r, "concept"),
                  s(r, "wording"),
                  s(r, "resource"),
                  s(r, "response"),
                  List.copyOf(contexts.getOrDefault(key, List.of())),
                  List.copyOf(outcomes.getOrDefault(key, List.of())),
                  Map.copyOf(links.getOrDefault(key, Map.of()))));
        });

    // Evidence of these CMOCs, and (for a partial read) the items' nodes, to read their parts.
    List<QuerySolution> evidenceRows = new ArrayList<>();
    Set<Node> items = new LinkedHashSet<>();
    Query evidenceQuery = cmocQuery.apply("evidence");
    if (partial) {
      evidenceQuery.addResultVar("e");
    }
    select(
        evidenceQuery,
        r -> {
          evidenceRows.add(r);
          if (partial) {
            items.add(r.get("e").asNode());
          }
        });
    Map<String, List<String>> parts = new TreeMap<>();
    select(
        partial ? restricted("evidence-parts", "e", items) : query("evidence-parts"),
        r ->
            parts
                .computeIfAbsent(s(r, "study") + "/" + s(r, "id"), k -> new ArrayList<>())
                .add(s(r, "kind")));
    Map<String, EvidenceBase.Evidence> evidence = rows.evidence;
    evidenceRows.forEach(
        r -> {
          String key = s(r, "study") + "/" + s(r, "id");
          // One row per CMOC an item bears on: a passage for several configurations is read for
          // each of them (and counted once in the totals).
          evidence.putIfAbsent(
              key + "/" + s(r, "cmoc"),
              new EvidenceBase.Evidence(
                  s(r, "study"),
                  s(r, "id"),
                  s(r, "cmoc"),
                  s(r, "concept"),
                  s(r, "kind"),
                  "true".equals(s(r, "counts")),
                  s(r, "quote"),
                  s(r, "location"),
                  i(r, "page"),
                  s(r, "speaker"),
                  s(r, "perspective"),
                  s(r, "stance"),
                  s(r, "strength"),
                  s(r, "inference"),
                  s(r, "note"),
                  "true".equals(s(r, "verified")),
                  List.copyOf(parts.getOrDefault(key, List.of()))));
        });
  }

  private Optional<EvidenceBase.Theory> theory() {
    return new TheoryReader(this::select).read();
  }

  /** The actor of a row (?actor, ?actorLabel, ?actorType), or null. */
  private static EvidenceBase.Actor actor(QuerySolution r) {
    String id = s(r, "actor");
    return id == null ? null : new EvidenceBase.Actor(id, s(r, "actorLabel"), s(r, "actorType"));
  }

  private static EvidenceBase.Context context(QuerySolution r) {
    return new EvidenceBase.Context(
        s(r, "id"), s(r, "description"), s(r, "type"), s(r, "role"), s(r, "concept"));
  }

  private void select(Query query, Consumer<QuerySolution> row) {
    try (QueryExecution qe = execution(query)) {
      ResultSet rs = qe.execSelect();
      while (rs.hasNext()) {
        row.accept(rs.next());
      }
    }
  }

  private QueryExecution execution(Query query) {
    Context context = new Context();
    if (source == dataset) {
      context.set(TDB2.symUnionDefaultGraph, true);
    }
    return QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(source))
        .query(query)
        .context(context)
        .build();
  }

  /** The study CMOC nodes whose concept is selected or that link to a selected theory CMOC. */
  private Set<Node> selectedCmocNodes(Set<Node> selectedConcepts, Restriction only) {
    Set<Node> cmocNodes = new LinkedHashSet<>();
    if (!selectedConcepts.isEmpty()) {
      selectNodes(
          restricted("cmoc-nodes-of-concepts", "k", selectedConcepts), "cmoc", cmocNodes::add);
    }
    if (!only.theoryCmocs().isEmpty()) {
      selectNodes(
          "cmoc-theory-link-nodes",
          "cmoc",
          "theory",
          (c, t) -> {
            if (only.theoryCmocs().contains(t)) {
              cmocNodes.add(c);
            }
          });
    }
    return cmocNodes;
  }

  private void selectNodes(String name, String var, Consumer<Node> node) {
    selectNodes(query(name), var, node);
  }

  private void selectNodes(Query query, String var, Consumer<Node> node) {
    select(query, r -> node.accept(r.get(var).asNode()));
  }

  private void selectNodes(
      String name, String var, String text, java.util.function.BiConsumer<Node, String> row) {
    select(query(name), r -> row.accept(r.get(var).asNode(), s(r, text)));
  }

  /**
   * Whether the query named {@code name} has a solution with {@code var} bound to {@code value}.
   */
  private boolean ask(String name, String var, Node value) {
    try (QueryExecution qe = execution(restricted(name, var, List.of(value)))) {
      return qe.execAsk();
    }
  }

  /**
   * The query named {@code name} with {@code VALUES ?var { ... }} as the first element of its WHERE
   * clause, so the rest is evaluated for those values only (with bound subjects or objects, which
   * TDB2 finds by index).
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

  private static EvidenceBase.Totals totalsOf(StoreIndex.Totals t) {
    return new EvidenceBase.Totals(t.studies(), t.cmocs(), t.evidence(), t.dataAsOf());
  }
}
