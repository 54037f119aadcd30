package org.cmograph.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.cmograph.cli.CmographCommand;
import org.cmograph.endpoint.CatalogueEntry;
import org.cmograph.endpoint.EndpointServer;
import org.cmograph.endpoint.ServerSettings;
import org.cmograph.generate.SyntheticStudies;
import org.cmograph.query.CatalogueQuery;
import org.cmograph.query.QueryCatalogue;
import org.cmograph.query.QueryExample;
import org.cmograph.query.QueryParam;
import org.cmograph.query.QueryResult;
import org.cmograph.query.QueryRunner;
import org.cmograph.store.CmoStore;
import org.cmograph.testing.Folders;

/**
 * The whole-command benchmark: at each size it generates studies, then measures side by side in the
 * same run cmograph's validate+load against Jena's bulk loader on the very same quads, every
 * catalogue query on the local store, the endpoint against a plain Fuseki under 1, 8 and 32
 * loopback clients, summaries, and {@code serve} start-up; then it writes {@code
 * docs/benchmarks.md} itself (keeping the hand-written notes between its markers).
 *
 * <p>Loads run in child JVMs with {@code -Xmx1g}, as the issue requires of 10,000 studies. The
 * quick mode (100 studies, everything in this JVM) runs inside {@code ./mvnw verify} and its test
 * asserts only correctness: row counts, loaded quads.
 *
 * <pre>
 * scripts/benchmark.sh                       # 100, 1,000 and 10,000 studies; writes docs/benchmarks.md
 * scripts/benchmark.sh --sizes 1000 --runs 1 # one size, one run of each
 * </pre>
 */
public final class BenchmarkHarness {
  static final String NOTES_START =
      "<!-- notes:start (kept when the harness rewrites this file) -->";
  static final String NOTES_END = "<!-- notes:end -->";
  static final String STUDY = SyntheticStudies.studyId(7);
  static final String TEXT = "trust";
  static final List<Integer> CLIENTS = List.of(1, 8, 32);

  /** What to run. */
  record Options(
      List<Integer> sizes,
      Path work,
      Path out,
      boolean quick,
      int runs,
      long seed,
      int endpointSeconds,
      int selectiveRows,
      boolean jmh,
      Set<String> parts,
      String childHeap,
      String serverHeap,
      int bigRuns,
      int summaryAllUpTo) {

    static Options quick(Path work) {
      return new Options(
          List.of(100),
          work,
          null,
          true,
          1,
          1,
          1,
          800,
          false,
          Set.of(PARTS),
          "-Xmx1g",
          "-Xmx1g",
          1,
          Integer.MAX_VALUE);
    }

    /** Runs of each whole-command measurement at {@code n} studies (fewer at 10,000 and more). */
    int runsAt(int n) {
      return n >= 10_000 ? Math.min(runs, bigRuns) : runs;
    }

    boolean does(String part) {
      return parts.contains(part);
    }
  }

  static final String[] PARTS = {"load", "queries", "endpoint", "summary", "serve"};

  /** One size's validate+load figures, cmograph's and Jena's. */
  record LoadRow(
      int studies,
      long evidence,
      long quads,
      long jenaQuads,
      Samples oursMs,
      Samples oursWallMs,
      Samples jenaMs,
      Samples oursCpuMs,
      Samples jenaCpuMs,
      double oursPeakMiB,
      double jenaPeakMiB,
      double oursAfterGcMiB,
      double jenaAfterGcMiB,
      double validateMs,
      double generateMs) {
    double oursRate() {
      return quads / (oursMs.median() / 1000.0);
    }

    double jenaRate() {
      return jenaQuads / (jenaMs.median() / 1000.0);
    }
  }

  record QueryRow(int studies, String query, String params, int rows, Samples ms) {}

  record EndpointRow(
      int studies, String query, int rows, HttpLoad.Result ours, HttpLoad.Result plain) {}

  record TimedRow(int studies, String what, Samples ms, String detail) {}

  /** Everything measured, in the order measured. */
  static final class Results {
    final Machine machine = Machine.current();
    final Samples loadAverage = new Samples();
    final List<LoadRow> loads = new ArrayList<>();
    final List<QueryRow> queries = new ArrayList<>();
    final List<EndpointRow> endpoint = new ArrayList<>();
    final List<String> endpointWarmUp = new ArrayList<>();
    final List<TimedRow> summaries = new ArrayList<>();
    final List<TimedRow> serve = new ArrayList<>();
    final List<TimedRow> jvm = new ArrayList<>();
    final List<String[]> jmh = new ArrayList<>();
    final Map<Integer, String> selectiveConcept = new TreeMap<>();
    final Map<Integer, String> popularConcept = new TreeMap<>();
    final List<String> failures = new ArrayList<>();

    void sampleLoad() {
      double l = Machine.loadAverage();
      if (l >= 0) {
        loadAverage.add(l);
      }
    }
  }

  private final Options options;
  private final Path home;
  private final ChildJvm children;
  final Results results = new Results();

  BenchmarkHarness(Options options, Path home) {
    this.options = options;
    this.home = home;
    this.children = new ChildJvm(home, options.work().resolve("logs"));
  }

  public static void main(String[] args) throws Exception {
    Options o = parse(args);
    Path home = Path.of(System.getProperty("cmograph.home", ".")).toAbsolutePath().normalize();
    BenchmarkHarness h = new BenchmarkHarness(o, home);
    h.run();
    if (o.jmh()) {
      Microbenchmarks.run(h, o.work(), h.results);
      h.write();
    }
    System.out.println("wrote " + o.out());
  }

  static Options parse(String[] args) {
    List<Integer> sizes = List.of(100, 1000, 10000);
    Path work = Path.of("/tmp/cmograph-bench");
    Path out = Path.of("docs/benchmarks.md");
    int runs = 3;
    long seed = 1;
    int seconds = 10;
    int selective = 800;
    boolean jmh = false;
    Set<String> parts = new LinkedHashSet<>(List.of(PARTS));
    String heap = "-Xmx1g";
    String serverHeap = "-Xmx2g";
    int bigRuns = 1;
    int summaryAllUpTo = Integer.MAX_VALUE;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--sizes" ->
            sizes =
                Arrays.stream(args[++i].split(",")).map(s -> Integer.parseInt(s.strip())).toList();
        case "--work" -> work = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--endpoint-seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--selective-rows" -> selective = Integer.parseInt(args[++i]);
        case "--jmh" -> jmh = true;
        case "--only" -> parts = new LinkedHashSet<>(Arrays.asList(args[++i].split(",")));
        case "--child-heap" -> heap = args[++i];
        case "--server-heap" -> serverHeap = args[++i];
        case "--big-runs" -> bigRuns = Integer.parseInt(args[++i]);
        case "--summary-all-up-to" -> summaryAllUpTo = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    return new Options(
        sizes,
        work,
        out,
        false,
        runs,
        seed,
        seconds,
        selective,
        jmh,
        parts,
        heap,
        serverHeap,
        bigRuns,
        summaryAllUpTo);
  }

  void run() throws Exception {
    Files.createDirectories(options.work());
    results.sampleLoad();
    if (!options.quick()) {
      results.jvm.add(jvmBaseline());
    }
    for (int n : options.sizes()) {
      Path data = generate(n);
      Path store = options.work().resolve("store-" + n);
      if (options.does("load") || !CmoStore.exists(store)) {
        load(n, data, store);
      }
      if (options.does("queries")) {
        queries(n, store);
      } else {
        chooseConcepts(n, store);
      }
      if (options.does("serve") && !options.quick()) {
        serveStartup(n, store);
      }
      if (options.does("endpoint")) {
        endpoint(n, store);
      }
      if (options.does("summary")) {
        summaries(n, store);
      }
      results.sampleLoad();
      if (options.out() != null) {
        write();
      }
    }
  }

  // ---------------------------------------------------------------------------------- generate

  /** Generated studies for size {@code n}, reused when already there (generation is timed). */
  Path generate(int n) throws IOException {
    Path dir = options.work().resolve("studies-" + n + "-seed-" + options.seed());
    Path done = dir.resolve(".complete");
    if (!Files.exists(done)) {
      deleteTree(dir);
      long start = System.nanoTime();
      int exit =
          CmographCommand.execute(
              "generate",
              "--studies",
              String.valueOf(n),
              "--seed",
              String.valueOf(options.seed()),
              "--out",
              dir.toString());
      if (exit != 0) {
        throw new IllegalStateException("generate failed with exit status " + exit);
      }
      Files.writeString(done, String.valueOf((System.nanoTime() - start) / 1_000_000));
    }
    return dir;
  }

  // -------------------------------------------------------------------------------------- load

  void load(int n, Path data, Path store) throws Exception {
    results.sampleLoad();
    Samples ours = new Samples();
    Samples oursWall = new Samples();
    Samples jena = new Samples();
    Samples oursCpu = new Samples();
    Samples jenaCpu = new Samples();
    double oursPeak = 0;
    double jenaPeak = 0;
    double oursAfterGc = 0;
    double jenaAfterGc = 0;
    double validateMs = Double.NaN;
    Path studies = data.resolve("studies");
    if (!options.quick()) {
      ChildJvm.Finished v =
          children.run(
              "validate-" + n,
              options.childHeap(),
              ChildMain.class.getName(),
              List.of("validate", "--quiet", data.toString()),
              ChildMain.MARK,
              120);
      check(
          v.exit() == 0,
          "validate of " + n + " generated studies failed:\n" + ChildJvm.tail(v.out()));
      validateMs = v.field("ms");
    }
    Path nq = options.work().resolve("store-" + n + ".nq");
    Path jenaStore = options.work().resolve("jena-" + n);
    long quads = 0;
    long jenaQuads = 0;
    for (int r = 0; r < options.runsAt(n); r++) {
      deleteTree(store);
      if (options.quick()) {
        long start = System.nanoTime();
        int exit = CmographCommand.execute("load", studies.toString(), "--store", store.toString());
        check(exit == 0, "load of " + n + " generated studies failed");
        ours.add((System.nanoTime() - start) / 1e6);
        oursWall.add((System.nanoTime() - start) / 1e6);
      } else {
        ChildJvm.Finished l =
            children.run(
                "load-" + n + "-run" + r,
                options.childHeap(),
                ChildMain.class.getName(),
                List.of("load", studies.toString(), "--store", store.toString()),
                ChildMain.MARK,
                180);
        check(l.exit() == 0, "load of " + n + " studies failed:\n" + ChildJvm.tail(l.err()));
        ours.add(l.field("ms"));
        oursWall.add(l.wallMs());
        oursCpu.add(l.field("cpuMs"));
        oursPeak = Math.max(oursPeak, l.field("peakHeapMiB"));
        oursAfterGc = Math.max(oursAfterGc, l.field("afterGcHeapMiB"));
      }
      results.sampleLoad();
      if (r == 0) {
        quads = exportNQuads(store, nq);
      }
      deleteTree(jenaStore);
      if (options.quick()) {
        JenaBulkLoad.Loaded j = JenaBulkLoad.load(nq, jenaStore);
        jena.add(j.ms());
        jenaQuads = j.quads();
      } else {
        ChildJvm.Finished j =
            children.run(
                "jena-" + n + "-run" + r,
                options.childHeap(),
                JenaBulkLoad.class.getName(),
                List.of(nq.toString(), jenaStore.toString()),
                JenaBulkLoad.MARK,
                180);
        check(j.exit() == 0, "Jena's loader failed:\n" + ChildJvm.tail(j.err()));
        jena.add(j.field("ms"));
        jenaCpu.add(j.field("cpuMs"));
        jenaQuads = (long) j.field("quads");
        jenaPeak = Math.max(jenaPeak, j.field("peakHeapMiB"));
        jenaAfterGc = Math.max(jenaAfterGc, j.field("afterGcHeapMiB"));
      }
      results.sampleLoad();
    }
    deleteTree(jenaStore);
    long evidence = countEvidence(store);
    double generateMs = Double.parseDouble(Files.readString(data.resolve(".complete")).strip());
    results.loads.add(
        new LoadRow(
            n,
            evidence,
            quads,
            jenaQuads,
            ours,
            oursWall,
            jena,
            oursCpu,
            jenaCpu,
            oursPeak,
            jenaPeak,
            oursAfterGc,
            jenaAfterGc,
            validateMs,
            generateMs));
  }

  /** The store's quads as N-Quads (streamed, not sorted): what Jena's loader gets. */
  static long exportNQuads(Path store, Path nq) throws IOException {
    try (CmoStore s = CmoStore.open(store);
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(nq), 1 << 16)) {
      Txn.executeRead(s.dataset(), () -> RDFDataMgr.write(out, s.dataset(), Lang.NQUADS));
    }
    try (Stream<String> lines = Files.lines(nq)) {
      return lines.filter(l -> !l.isBlank()).count();
    }
  }

  private long countEvidence(Path store) {
    try (CmoStore s = CmoStore.open(store)) {
      Query q =
          QueryFactory.create(
              "PREFIX cmo: <https://w3id.org/cmograph/ontology#> SELECT (COUNT(*) AS ?n) { ?e a cmo:EvidenceItem }");
      QueryResult.Rows r =
          (QueryResult.Rows) new QueryRunner(Duration.ofMinutes(5)).run(q, s.dataset());
      return Long.parseLong(r.rows().get(0).get(Var.alloc("n")).getLiteralLexicalForm());
    }
  }

  // ----------------------------------------------------------------------------------- queries

  /**
   * Findings that bear on the mechanism per concept, broader concepts counting their narrower ones,
   * and one row per configuration the item is for (as evidence-for-mechanism counts them).
   */
  static Map<String, Long> evidencePerConcept(CmoStore store) {
    Query q =
        QueryFactory.create(
            "PREFIX cmo: <https://w3id.org/cmograph/ontology#>\n"
                + "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
                + "SELECT ?id (COUNT(?item) AS ?n) WHERE {\n"
                + "  ?c a cmo:MechanismConcept ; skos:notation ?id .\n"
                + "  ?narrower skos:broader* ?c .\n"
                + "  ?item cmo:evidenceFor ?cmoc ; cmo:evidenceKind cmo:evidence-kind-finding ;\n"
                + "        cmo:aboutMechanism ?narrower .\n"
                + "  ?cmoc cmo:hasMechanism/cmo:instanceOfConcept ?narrower .\n"
                + "} GROUP BY ?id");
    QueryResult.Rows rows =
        (QueryResult.Rows) new QueryRunner(Duration.ofMinutes(5)).run(q, store.dataset());
    Map<String, Long> counts = new TreeMap<>();
    for (Binding b : rows.rows()) {
      counts.put(
          b.get(Var.alloc("id")).getLiteralLexicalForm(),
          Long.parseLong(b.get(Var.alloc("n")).getLiteralLexicalForm()));
    }
    return counts;
  }

  void chooseConcepts(int n, Path store) {
    try (CmoStore s = CmoStore.open(store)) {
      chooseConcepts(n, s);
    }
  }

  /**
   * The "selective" mechanism: the one whose evidence is nearest {@code selectiveRows} items, so
   * sizes compare the same result size; and the most popular one.
   */
  void chooseConcepts(int n, CmoStore store) {
    Map<String, Long> counts = evidencePerConcept(store);
    String selective =
        counts.entrySet().stream()
            .min(Comparator.comparingLong(e -> Math.abs(e.getValue() - options.selectiveRows())))
            .map(Map.Entry::getKey)
            .orElseThrow();
    String popular =
        counts.entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElseThrow();
    results.selectiveConcept.put(n, selective + " (" + counts.get(selective) + " items)");
    results.popularConcept.put(n, popular + " (" + counts.get(popular) + " items)");
  }

  static String conceptId(String described) {
    return described.substring(0, described.indexOf(' '));
  }

  void queries(int n, Path store) {
    results.sampleLoad();
    QueryCatalogue catalogue = QueryCatalogue.load(home.resolve("queries"));
    QueryRunner runner = new QueryRunner(Duration.ofMinutes(2));
    try (CmoStore s = CmoStore.open(store)) {
      chooseConcepts(n, s);
      String selective = conceptId(results.selectiveConcept.get(n));
      String popular = conceptId(results.popularConcept.get(n));
      for (CatalogueQuery q : catalogue.queries()) {
        List<Map<String, String>> variants = new ArrayList<>();
        for (QueryExample ex : q.examples()) {
          variants.add(bindings(q, ex.params().keySet(), selective));
        }
        if (q.name().equals("evidence-for-mechanism")) {
          variants.add(Map.of("mechanism", popular));
        }
        for (Map<String, String> params : new LinkedHashSet<>(variants)) {
          Query bound = q.bind(params);
          Samples ms = new Samples();
          int rows = measure(() -> rowCount(runner.run(bound, s.dataset())), ms);
          results.queries.add(new QueryRow(n, q.name(), describe(params), rows, ms));
        }
      }
    }
  }

  /** Values for a query's parameters: the selective mechanism, study 7, the word "trust". */
  static Map<String, String> bindings(CatalogueQuery q, Set<String> given, String mechanism) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : given) {
      QueryParam p = q.param(name).orElseThrow();
      values.put(
          name,
          switch (p.kind()) {
            case MECHANISM -> mechanism;
            case STUDY -> STUDY;
            case TEXT -> TEXT;
            case INTEGER -> "5";
          });
    }
    return values;
  }

  static String describe(Map<String, String> params) {
    return params.isEmpty()
        ? ""
        : params.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(" "));
  }

  static int rowCount(QueryResult r) {
    return r instanceof QueryResult.Rows rows ? rows.rows().size() : 1;
  }

  interface Timed {
    int run();
  }

  /** Warms up, then measures: at least 5 and up to 30 runs, or 15 s; one run in quick mode. */
  int measure(Timed t, Samples ms) {
    if (options.quick()) {
      long start = System.nanoTime();
      int rows = t.run();
      ms.add((System.nanoTime() - start) / 1e6);
      return rows;
    }
    int rows = 0;
    long warmEnd = System.nanoTime() + 3_000_000_000L;
    for (int i = 0; i < 10 && (i < 1 || System.nanoTime() < warmEnd); i++) {
      rows = t.run();
    }
    long end = System.nanoTime() + 10_000_000_000L;
    for (int i = 0; i < 30 && (i < 3 || System.nanoTime() < end); i++) {
      long start = System.nanoTime();
      rows = t.run();
      ms.add((System.nanoTime() - start) / 1e6);
    }
    return rows;
  }

  // ---------------------------------------------------------------------------------- endpoint

  /** Clients of the warm-up that runs every endpoint query on both servers before measuring. */
  static final int WARM_UP_CLIENTS = 4;

  /** The queries sent to both servers: two selective ones and an aggregate one. */
  List<String[]> endpointQueries(int n) {
    QueryCatalogue catalogue = QueryCatalogue.load(home.resolve("queries"));
    String mechanism = conceptId(results.selectiveConcept.get(n));
    List<String[]> out = new ArrayList<>();
    out.add(
        new String[] {
          "study-cmo-table (selective)",
          catalogue.require("study-cmo-table").bind(Map.of("study", STUDY)).toString()
        });
    out.add(
        new String[] {
          "evidence-for-mechanism (selective)",
          catalogue
              .require("evidence-for-mechanism")
              .bind(Map.of("mechanism", mechanism))
              .toString()
        });
    out.add(
        new String[] {
          "mechanisms (aggregate)", catalogue.require("mechanisms").bind(Map.of()).toString()
        });
    return out;
  }

  void endpoint(int n, Path store) throws Exception {
    results.sampleLoad();
    List<String[]> queries = endpointQueries(n);
    Duration warm = Duration.ofSeconds(options.quick() ? 0 : 2);
    Duration measure =
        options.quick() ? Duration.ofMillis(300) : Duration.ofSeconds(options.endpointSeconds());
    List<Integer> clients = options.quick() ? List.of(1, 4) : CLIENTS;
    Map<String, HttpLoad.Result> ours = new LinkedHashMap<>();
    Map<String, Integer> rows = new LinkedHashMap<>();
    Map<String, HttpLoad.Result> plain = new LinkedHashMap<>();
    Map<String, Integer> plainRows = new LinkedHashMap<>();
    if (options.quick()) {
      // In this JVM, one server after the other: the quick mode checks answers, not speed.
      try (CmoStore s = CmoStore.open(store);
          EndpointServer server =
              EndpointServer.start(
                  s.dataset(),
                  ServerSettings.defaults().withPort(0),
                  () -> CatalogueEntry.of(QueryCatalogue.load(home.resolve("queries"))))) {
        loadEach(server.queryUrl(), queries, clients, warm, measure, ours, rows);
      }
      try (CmoStore s = CmoStore.open(store)) {
        FusekiServer server = PlainFuseki.start(s.dataset(), 0);
        try {
          loadEach(
              "http://127.0.0.1:" + server.getPort() + "/cmo/sparql",
              queries,
              clients,
              warm,
              measure,
              plain,
              plainRows);
        } finally {
          server.stop();
        }
      }
    } else {
      // Both servers run at once, each on its own copy of the store (TDB2 locks a store to one
      // process), and take turns (below).
      Path plainStore = options.work().resolve("store-" + n + "-plain");
      Process oursServer = null;
      Process plainServer = null;
      try {
        deleteTree(plainStore);
        Folders.copyTree(store, plainStore);
        int oursPort = freePort();
        oursServer =
            children.start(
                "serve-endpoint-" + n,
                options.serverHeap(),
                CmographCommand.class.getName(),
                List.of("serve", "--store", store.toString(), "--port", String.valueOf(oursPort)));
        String oursUrl = "http://127.0.0.1:" + oursPort + "/cmo/sparql";
        awaitReady(oursUrl, oursServer, 120);
        int plainPort = freePort();
        plainServer =
            children.start(
                "plain-fuseki-" + n,
                options.serverHeap(),
                PlainFuseki.class.getName(),
                List.of(plainStore.toString(), String.valueOf(plainPort)));
        String plainUrl = "http://127.0.0.1:" + plainPort + "/cmo/sparql";
        awaitReady(plainUrl, plainServer, 120);
        Map<String, URI[]> uris = new LinkedHashMap<>();
        for (String[] q : queries) {
          uris.put(
              q[0], new URI[] {firstAnswer(oursUrl, q, rows), firstAnswer(plainUrl, q, plainRows)});
        }
        // Both JVMs compile the code of every query before any is measured, until neither gets
        // cheaper per request: otherwise the first cells are measured while the compilers still
        // work (for minutes at 10,000 studies), and the server with more code to compile pays more.
        EndpointWarmUp.Outcome w =
            EndpointWarmUp.run(
                List.copyOf(uris.values()),
                new long[] {oursServer.pid(), plainServer.pid()},
                WARM_UP_CLIENTS);
        results.endpointWarmUp.add(warmUpLine(n, List.copyOf(uris.keySet()), w));
        // Four slices each, ABBA BAAB: a drift in the machine's load, linear or not, weighs on both
        // alike.
        Duration quarter = measure.dividedBy(4);
        for (String[] q : queries) {
          URI oursUri = uris.get(q[0])[0];
          URI plainUri = uris.get(q[0])[1];
          for (int c : clients) {
            long o = oursServer.pid();
            long p = plainServer.pid();
            HttpLoad.Result a = HttpLoad.run(oursUri, c, warm, quarter, o);
            HttpLoad.Result b = HttpLoad.run(plainUri, c, warm, quarter, p);
            b = HttpLoad.merge(b, HttpLoad.run(plainUri, c, Duration.ZERO, quarter, p));
            a = HttpLoad.merge(a, HttpLoad.run(oursUri, c, Duration.ZERO, quarter, o));
            b = HttpLoad.merge(b, HttpLoad.run(plainUri, c, Duration.ZERO, quarter, p));
            a = HttpLoad.merge(a, HttpLoad.run(oursUri, c, Duration.ZERO, quarter, o));
            a = HttpLoad.merge(a, HttpLoad.run(oursUri, c, Duration.ZERO, quarter, o));
            b = HttpLoad.merge(b, HttpLoad.run(plainUri, c, Duration.ZERO, quarter, p));
            ours.put(q[0] + "@" + c, a);
            plain.put(q[0] + "@" + c, b);
            results.sampleLoad();
          }
        }
      } finally {
        try {
          if (oursServer != null) {
            ChildJvm.stop(oursServer);
          }
        } finally {
          try {
            if (plainServer != null) {
              ChildJvm.stop(plainServer);
            }
          } finally {
            deleteTree(plainStore);
          }
        }
      }
    }
    results.sampleLoad();
    for (String key : ours.keySet()) {
      String query = key.substring(0, key.lastIndexOf('@'));
      if (!rows.get(query).equals(plainRows.get(query))) {
        results.failures.add(
            n
                + " studies: "
                + query
                + " gives "
                + rows.get(query)
                + " rows from cmograph, "
                + plainRows.get(query)
                + " from plain Fuseki");
      }
      results.endpoint.add(new EndpointRow(n, key, rows.get(query), ours.get(key), plain.get(key)));
    }
  }

  private static String warmUpLine(int n, List<String> queries, EndpointWarmUp.Outcome w) {
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%,d studies: %d rounds, %.0f s (%s); server CPU ms per request in the last"
                    + " round, cmograph / plain:",
                n,
                w.rounds(),
                w.seconds(),
                w.settled() ? "settled" : "not settled, stopped at the limit"));
    for (int q = 0; q < queries.size(); q++) {
      line.append(
          String.format(
              Locale.ROOT,
              "%s %s %.1f / %.1f",
              q == 0 ? "" : ";",
              queries.get(q),
              w.lastMsPerRequest()[q][0],
              w.lastMsPerRequest()[q][1]));
    }
    return line.toString();
  }

  /** Times a first answer that timed out (503) is asked for again. */
  static final int FIRST_ANSWER_RETRIES = 5;

  /** Sends {@code q} once to {@code url}, checks the answer, notes its rows; the query's URI. */
  private URI firstAnswer(String url, String[] q, Map<String, Integer> rows) throws Exception {
    URI uri = HttpLoad.queryUri(url, q[1]);
    HttpResponse<String> first = HttpLoad.once(uri);
    // On a freshly started JVM (still interpreting, and compiling on a loaded machine) the
    // aggregate can run past cmograph's time limit; a 503 then says "not yet", not a wrong answer.
    for (int retry = 0; retry < FIRST_ANSWER_RETRIES && first.statusCode() == 503; retry++) {
      first = HttpLoad.once(uri);
    }
    check(
        first.statusCode() == 200,
        q[0] + " at " + url + " answered " + first.statusCode() + ": " + first.body());
    rows.put(q[0], jsonRows(first.body()));
    return uri;
  }

  private void loadEach(
      String url,
      List<String[]> queries,
      List<Integer> clients,
      Duration warm,
      Duration measure,
      Map<String, HttpLoad.Result> out,
      Map<String, Integer> rows)
      throws Exception {
    for (String[] q : queries) {
      URI uri = firstAnswer(url, q, rows);
      for (int c : clients) {
        out.put(q[0] + "@" + c, HttpLoad.run(uri, c, warm, measure));
        results.sampleLoad();
      }
    }
  }

  /** Rows in a SPARQL JSON result: the number of binding objects. */
  static int jsonRows(String json) {
    org.apache.jena.query.ResultSet rs =
        org.apache.jena.sparql.resultset.ResultsReader.create()
            .lang(org.apache.jena.riot.resultset.ResultSetLang.RS_JSON)
            .build()
            .read(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    int n = 0;
    while (rs.hasNext()) {
      rs.next();
      n++;
    }
    return n;
  }

  /** Polls the endpoint with a trivial query until it answers; returns milliseconds waited. */
  static long awaitReady(String url, Process p, int seconds) throws Exception {
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    URI uri = HttpLoad.queryUri(url, "ASK {}");
    while (System.nanoTime() < end) {
      if (p != null && !p.isAlive()) {
        throw new IllegalStateException("the server exited with status " + p.exitValue());
      }
      try {
        if (HttpLoad.once(uri).statusCode() == 200) {
          return (System.nanoTime() - start) / 1_000_000;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("no answer from " + url + " within " + seconds + " s");
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  // ----------------------------------------------------------------------------------- serve

  void serveStartup(int n, Path store) throws Exception {
    results.sampleLoad();
    Samples ready = new Samples();
    Samples reported = new Samples();
    Samples launched = new Samples();
    prepareLauncher();
    for (int r = 0; r < Math.max(3, options.runs()); r++) {
      int port = freePort();
      String label = "serve-startup-" + n + "-run" + r;
      List<String> args =
          List.of("serve", "--store", store.toString(), "--port", String.valueOf(port));
      long start = System.nanoTime();
      Process p =
          children.start(label, options.serverHeap(), CmographCommand.class.getName(), args);
      try {
        awaitReady("http://127.0.0.1:" + port + "/cmo/sparql", p, 120);
        ready.add((System.nanoTime() - start) / 1e6);
        Thread.sleep(200);
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile("ready in (\\d+) ms")
                .matcher(Files.readString(children.log(label, "out")));
        if (m.find()) {
          reported.add(Double.parseDouble(m.group(1)));
        }
      } finally {
        ChildJvm.stop(p);
      }
      port = freePort();
      label = "serve-launcher-" + n + "-run" + r;
      args = List.of("serve", "--store", store.toString(), "--port", String.valueOf(port));
      start = System.nanoTime();
      p = children.startLauncher(label, options.serverHeap(), args);
      try {
        awaitReady("http://127.0.0.1:" + port + "/cmo/sparql", p, 120);
        launched.add((System.nanoTime() - start) / 1e6);
      } finally {
        ChildJvm.stop(p);
      }
    }
    results.serve.add(
        new TimedRow(
            n,
            "`./cmograph serve` (launcher, class-data archive): start to first answered query",
            launched,
            ""));
    results.serve.add(
        new TimedRow(
            n, "JVM on the class path (no archive): start to first answered query", ready, ""));
    if (reported.count() > 0) {
      results.serve.add(new TimedRow(n, "as 'serve' reports it (after JVM start)", reported, ""));
    }
  }

  TimedRow jvmBaseline() throws Exception {
    Samples wall = new Samples();
    for (int r = 0; r < Math.max(1, options.runs()); r++) {
      ChildJvm.Finished f =
          children.run(
              "jvm-baseline-" + r,
              options.childHeap(),
              CmographCommand.class.getName(),
              List.of("--version"),
              null,
              5);
      wall.add(f.wallMs());
    }
    return new TimedRow(0, "`cmograph --version` (JVM start, no work)", wall, "");
  }

  // -------------------------------------------------------------------------------- summaries

  void summaries(int n, Path store) throws Exception {
    results.sampleLoad();
    String mechanism = conceptId(results.popularConcept.get(n));
    String selective = conceptId(results.selectiveConcept.get(n));
    Path out = options.work().resolve("summaries-" + n);
    Samples one = new Samples();
    Samples typical = new Samples();
    Samples typicalLauncher = new Samples();
    Samples all = new Samples();
    int runsAll = options.quick() ? 1 : Math.max(1, Math.min(2, options.runsAt(n)));
    for (int r = 0; r < options.runsAt(n); r++) {
      List<String> args = List.of("summary", "--mechanism", mechanism, "--store", store.toString());
      one.add(timeCommand("summary-one-" + n + "-run" + r, args));
      List<String> selectiveArgs =
          List.of("summary", "--mechanism", selective, "--store", store.toString());
      typical.add(timeCommand("summary-selective-" + n + "-run" + r, selectiveArgs));
      if (!options.quick()) {
        typicalLauncher.add(
            timeLauncher("summary-selective-launcher-" + n + "-run" + r, selectiveArgs));
      }
    }
    List<Samples> served =
        options.quick() ? List.of(new Samples(), new Samples()) : besideServe(n, store, selective);
    if (n > options.summaryAllUpTo()) {
      runsAll = 0;
    }
    for (int r = 0; r < runsAll; r++) {
      deleteTree(out);
      List<String> args = List.of("summary", "--store", store.toString(), "--out", out.toString());
      all.add(timeCommand("summary-all-" + n + "-run" + r, args));
    }
    results.summaries.add(
        new TimedRow(
            n, "one mechanism (the most popular, " + results.popularConcept.get(n) + ")", one, ""));
    results.summaries.add(
        new TimedRow(
            n, "one mechanism (selective, " + results.selectiveConcept.get(n) + ")", typical, ""));
    if (typicalLauncher.count() > 0) {
      results.summaries.add(
          new TimedRow(
              n,
              "one mechanism (selective, "
                  + results.selectiveConcept.get(n)
                  + ") through `./cmograph` (class-data archive)",
              typicalLauncher,
              ""));
    }
    if (served.get(1).count() > 0) {
      results.summaries.add(
          new TimedRow(
              n,
              "one mechanism (selective, "
                  + results.selectiveConcept.get(n)
                  + ") through `./cmograph` beside a running `./cmograph serve` (written by the"
                  + " server, after its first four)",
              served.get(1),
              ""));
      results.summaries.add(
          new TimedRow(
              n,
              "the same, the first after `./cmograph serve` started (its code not yet compiled)",
              served.get(0),
              ""));
    }
    if (all.count() > 0) {
      results.summaries.add(new TimedRow(n, "all mechanisms (--out DIR)", all, ""));
    }
  }

  /**
   * Wall time of {@code ./cmograph summary --mechanism ID} while {@code ./cmograph serve} holds the
   * store, as a user who keeps the server running gets it: the server writes the document. The
   * first summary after the server starts (its code not yet compiled) is reported on its own; then
   * three more, untimed, and the runs.
   *
   * @return the first summary's time, then the runs' times
   */
  private List<Samples> besideServe(int n, Path store, String mechanism) throws Exception {
    Samples first = new Samples();
    Samples beside = new Samples();
    prepareLauncher();
    int port = freePort();
    Process serve =
        children.startLauncher(
            "summary-serve-" + n,
            options.serverHeap(),
            List.of("serve", "--store", store.toString(), "--port", String.valueOf(port)));
    try {
      awaitReady("http://127.0.0.1:" + port + "/cmo/sparql", serve, 120);
      List<String> args = List.of("summary", "--mechanism", mechanism, "--store", store.toString());
      first.add(timeLauncher("summary-beside-serve-" + n + "-first", args));
      for (int r = 0; r < 3; r++) {
        timeLauncher("summary-beside-serve-" + n + "-warm-up" + r, args);
      }
      for (int r = 0; r < Math.max(5, options.runsAt(n)); r++) {
        beside.add(timeLauncher("summary-beside-serve-" + n + "-run" + r, args));
      }
    } finally {
      ChildJvm.stop(serve);
    }
    return List.of(first, beside);
  }

  /**
   * Wall time of a whole command run through {@code ./cmograph}, as a user runs it (the launcher's
   * jar and class-data archive; serve's measurement builds them first).
   */
  private double timeLauncher(String label, List<String> args) throws Exception {
    prepareLauncher();
    long start = System.nanoTime();
    Process p = children.startLauncher(label, options.childHeap(), args);
    check(
        p.waitFor(30, java.util.concurrent.TimeUnit.MINUTES),
        label + " did not finish in 30 minutes");
    double ms = (System.nanoTime() - start) / 1e6;
    check(p.exitValue() == 0, label + " failed; see " + children.log(label, "err"));
    return ms;
  }

  private boolean launcherReady;

  /** Untimed: builds the launcher's jar and class-data archive if they are missing or stale. */
  private void prepareLauncher() throws Exception {
    if (!launcherReady) {
      Process prepare =
          children.startLauncher("launcher-prepare", options.serverHeap(), List.of("--version"));
      check(
          prepare.waitFor() == 0,
          "./cmograph --version failed; see " + children.log("launcher-prepare", "err"));
      launcherReady = true;
    }
  }

  /** Wall time of a whole command: a child JVM, or in quick mode this JVM. */
  private double timeCommand(String label, List<String> args) throws Exception {
    if (options.quick()) {
      java.io.PrintStream stdout = System.out;
      System.setOut(new java.io.PrintStream(OutputStream.nullOutputStream()));
      try {
        long start = System.nanoTime();
        int exit = CmographCommand.execute(args.toArray(String[]::new));
        check(exit == 0, label + " failed with exit status " + exit);
        return (System.nanoTime() - start) / 1e6;
      } finally {
        System.setOut(stdout);
      }
    }
    ChildJvm.Finished f =
        children.run(
            label, options.childHeap(), ChildMain.class.getName(), args, ChildMain.MARK, 30);
    check(f.exit() == 0, label + " failed:\n" + ChildJvm.tail(f.err()));
    return f.wallMs();
  }

  // ----------------------------------------------------------------------------------- report

  void write() throws IOException {
    String notes = "";
    if (Files.exists(options.out())) {
      String old = Files.readString(options.out());
      int a = old.indexOf(NOTES_START);
      int b = old.indexOf(NOTES_END);
      if (a >= 0 && b > a) {
        notes = old.substring(a + NOTES_START.length(), b).strip();
      }
    }
    Files.writeString(
        options.out(), new Report(results, options).markdown(notes), StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------------------------ util

  static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  static String fmt(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
