package org.cmograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.tdb2.TDB2;
import org.cmograph.query.BundledData;
import org.cmograph.query.ResultTable;
import org.cmograph.store.CmoStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** {@code cmograph query} as a user runs it: every catalogue example, the formats, exit codes. */
class QueryCommandIT {
  record Run(int exit, String out, String err) {}

  @TempDir static Path dir;
  static Path store;

  static Run run(String... args) {
    CommandLine cli = CmographCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  /** {@code args} with {@code --store} of the test store added. */
  static Run query(String... args) {
    List<String> all = new ArrayList<>(List.of("query"));
    all.addAll(List.of(args));
    all.addAll(List.of("--store", store.toString()));
    return run(all.toArray(String[]::new));
  }

  @BeforeAll
  static void loadTheBundledData() {
    store = dir.resolve("store");
    Run load = run("load", "--store", store.toString());
    assertEquals(0, load.exit(), load.out() + load.err());
  }

  static List<BundledData.GoldenCase> cases() {
    return BundledData.goldenCases();
  }

  /** The header's example, run as written, prints its golden rows. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyExampleRunsAsWritten(BundledData.GoldenCase c) {
    List<String> words = new ArrayList<>(List.of(c.example().command().split("\\s+")));
    assertEquals(List.of("cmograph", "query"), words.subList(0, 2));
    List<String> args = new ArrayList<>(words.subList(2, words.size()));
    args.addAll(List.of("--format", "csv"));
    Run r = query(args.toArray(String[]::new));
    assertEquals(0, r.exit(), r.err());
    ResultTable.assertMatchesGolden(c, ResultTable.fromCsv(r.out()));
  }

  @Test
  void listShowsTheCatalogue() {
    Run r = run("query", "--list");
    assertEquals(0, r.exit(), r.err());
    for (var q : BundledData.catalogue().queries()) {
      assertTrue(r.out().contains(q.name() + " "), q.name());
      assertTrue(r.out().contains(q.title()), q.title());
    }
    assertTrue(
        r.out().contains("Evidence for one mechanism  --param mechanism=MECHANISM"), r.out());
  }

  @Test
  void eachFormat() {
    String[] p = {"--param", "mechanism=hope"};
    Run table = query("evidence-by-perspective", p[0], p[1]);
    assertEquals(0, table.exit(), table.err());
    assertTrue(table.out().contains("| perspective"), table.out());
    assertTrue(table.out().contains("| \"recipient\""), table.out());
    Run csv = query("evidence-by-perspective", p[0], p[1], "--format", "csv");
    assertTrue(
        csv.out()
            .startsWith("perspective,evidence,studies,mechanisms,supports,refines,refutes\r\n"),
        csv.out());
    Run tsv = query("evidence-by-perspective", p[0], p[1], "--format", "tsv");
    assertTrue(tsv.out().startsWith("?perspective\t?evidence\t"), tsv.out());
    Run json = query("evidence-by-perspective", p[0], p[1], "--format", "json");
    assertTrue(json.out().contains("\"vars\": [ \"perspective\""), json.out());
    assertTrue(json.out().contains("\"value\": \"recipient\""), json.out());
  }

  @Test
  void usageErrorsExitTwo() {
    assertUsage(query("no-such-query"), "no query named 'no-such-query'");
    assertUsage(query("evidence-for-mechanism"), "needs --param mechanism=VALUE");
    assertUsage(
        query("evidence-for-mechanism", "--param", "mechanism=Not A Slug"),
        "is not a catalogue concept id");
    assertUsage(
        query("evidence-for-mechanism", "--param", "mechanism"), "--param takes NAME=VALUE");
    assertUsage(query("studies", "--param", "study=gillard-2024"), "has no parameter 'study'");
    assertUsage(query("studies", "--format", "xml"), "unknown format 'xml'");
    assertUsage(query("studies", "--timeout", "0"), "--timeout must be a positive");
    assertUsage(
        query("studies", "--endpoint", "http://localhost:1/sparql"),
        "--store or --endpoint, not both");
    assertUsage(run("query"), "name a query");
    // An id that names nothing would find nothing, silently: refused with the nearest ids, as
    // the endpoint's forms answer it, with the error code's anchor.
    Run typo = query("evidence-for-mechanism", "--param", "mechanism=trusting-relationshp");
    assertUsage(
        typo,
        "error: Unknown id for the parameter \"mechanism\": \"trusting-relationshp\" is not a"
            + " mechanism in the catalogue. Nearest valid ids: trusting-relationship, ");
    assertTrue(typo.err().contains("(see docs/errors.md#usage)"), typo.err());
    assertUsage(
        query("study-cmo-table", "--param", "study=gillard-202"),
        "is not a study in this dataset. Nearest valid ids: gillard-2021, gillard-2024");
    assertEquals(0, query("study-cmo-table", "--param", "study=gillard-2024").exit());
    assertUsage(run("query", "studies", "--list"), "a query or --list, not both");
    assertUsage(query(dir.resolve("missing.rq").toString()), "no query file");
  }

  @Test
  void queriesThatCannotBeAnsweredExitOne() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.rq"), "SELECT * { ?s ?p }");
    Run r = query(bad.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("does not parse: Encountered"), r.err());
    assertFalse(r.err().contains("Was expecting"), "only the first line of the parser's message");

    Run noStore = run("query", "studies", "--store", dir.resolve("nowhere").toString());
    assertEquals(1, noStore.exit());
    assertTrue(noStore.err().contains("no store at"), noStore.err());

    Run unreachable = run("query", "studies", "--endpoint", "http://127.0.0.1:9/sparql");
    assertEquals(1, unreachable.exit());
    assertTrue(
        unreachable.err().contains("cannot query the endpoint http://127.0.0.1:9/sparql"),
        unreachable.err());
    assertFalse(unreachable.err().contains("Exception"), unreachable.err());
  }

  @Test
  void aHostileParameterChangesNothing() throws IOException {
    long before = quads();
    Run r = query("quotes-mentioning", "--param", "text=\"} ; DROP ALL #", "--format", "csv");
    assertEquals(0, r.exit(), r.err());
    assertEquals("study,cmoc,evidence,kind,mechanism,stance,location,quote\r\n", r.out());
    assertEquals(before, quads());
    Run refused = query("study-cmo-table", "--param", "study=x> } ; DROP ALL #");
    assertEquals(2, refused.exit());
    assertEquals(before, quads());
  }

  @Test
  void aQueryFileWithItsOwnHeader() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("my-study.rq"),
            """
            # title: Configurations of one study
            # question: Which CMOCs does a study report?
            # param study (study): study id
            # example: cmograph query my-study.rq --param study=gillard-2024
            PREFIX cmo: <https://w3id.org/cmograph/ontology#>
            SELECT ?c WHERE { ?study cmo:reportsCMOC ?c } ORDER BY ?c
            """);
    Run r = query(file.toString(), "--param", "study=gillard-2024", "--format", "csv");
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        "c\r\nhttps://w3id.org/cmograph/id/gillard-2024/cmoc/engagement-and-outcome\r\n"
            + "https://w3id.org/cmograph/id/gillard-2024/cmoc/high-engagement-fidelity-sites\r\n"
            + "https://w3id.org/cmograph/id/gillard-2024/cmoc/low-engagement-fidelity-sites\r\n",
        r.out());
    Path ask = Files.writeString(dir.resolve("ask.rq"), "ASK { ?s ?p ?o }");
    Run yes = query(ask.toString());
    assertEquals(0, yes.exit(), yes.err());
    assertTrue(yes.out().toLowerCase().contains("yes") || yes.out().contains("true"), yes.out());
  }

  @Test
  void theSameQueryAgainstAnEndpoint() {
    CmoStore served = CmoStore.open(store);
    served.dataset().getContext().set(TDB2.symUnionDefaultGraph, true);
    FusekiServer server =
        FusekiServer.create().loopback(true).port(0).add("/cmo", served.dataset(), false).build();
    try {
      server.start();
      String url = "http://localhost:" + server.getPort() + "/cmo/sparql";
      for (BundledData.GoldenCase c : BundledData.goldenCases()) {
        if (!c.entry().name().equals("evidence-for-mechanism")) {
          continue;
        }
        List<String> args = new ArrayList<>(List.of("query", c.entry().name()));
        c.example().params().forEach((k, v) -> args.addAll(List.of("--param", k + "=" + v)));
        args.addAll(List.of("--endpoint", url, "--format", "csv"));
        Run r = run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        ResultTable.assertMatchesGolden(c, ResultTable.fromCsv(r.out()));
      }
    } finally {
      server.stop();
      served.close();
    }
  }

  private static long quads() {
    try (CmoStore s = CmoStore.open(store)) {
      return s.size();
    }
  }

  private static void assertUsage(Run r, String message) {
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains(message), "expected '" + message + "' in: " + r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }
}
