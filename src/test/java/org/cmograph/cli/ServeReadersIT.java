package org.cmograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.cmograph.endpoint.EndpointServer;
import org.cmograph.endpoint.ServerSettings;
import org.cmograph.store.CmoStore;
import org.cmograph.store.ServedStore;
import org.cmograph.testing.ChildJvm;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reading commands while {@code cmograph serve} holds the store (TDB2 lets one process open
 * it): query, summary, export, diff and backup, given the same store folder, read through the
 * running server and print what they print without it; and {@code summary --endpoint} summarises a
 * server's dataset as it would the store.
 */
class ServeReadersIT {
  static final String GILLARD = Repo.data().resolve("studies/gillard-2014.yaml").toString();

  /** Each reading command's standard output (an export's and a backup's file) on {@code store}. */
  static Map<String, String> read(Path store, Path out) throws Exception {
    String s = store.toString();
    Map<String, String> results = new LinkedHashMap<>();
    results.put("query", ok(CliIT.run("query", "studies", "--format", "csv", "--store", s)));
    results.put(
        "query-param",
        ok(
            CliIT.run(
                "query",
                "evidence-for-mechanism",
                "--param",
                "mechanism=hope",
                "--format",
                "tsv",
                "--store",
                s)));
    results.put("summary", ok(CliIT.run("summary", "--store", s)));
    results.put(
        "summary-one",
        ok(CliIT.run("summary", "--mechanism", "hope", "--format", "json", "--store", s)));
    results.put("diff", ok(CliIT.run("diff", GILLARD, "--store", s)));
    Path nq = out.resolve("export.nq");
    ok(CliIT.run("export", "--format", "nq", "--out", nq.toString(), "--store", s));
    results.put("export", Files.readString(nq));
    Path trig = out.resolve("export.trig");
    ok(CliIT.run("export", "--out", trig.toString(), "--store", s));
    results.put("export-trig", Files.readString(trig));
    CliIT.Run backup =
        CliIT.run("backup", "--out", out.resolve("b.nq.gz").toString(), "--store", s);
    // "backed up N quads in G graphs from STORE to FILE (BYTES bytes, sha256 HASH)"
    results.put("backup", ok(backup).replaceFirst(" to \\S+ ", " to FILE "));
    return results;
  }

  private static String s(Path store) {
    return store.toString();
  }

  static String ok(CliIT.Run r) {
    assertEquals(0, r.exit(), r.out() + r.err());
    return r.out();
  }

  @Test
  void readingCommandsGoThroughARunningServeAndGiveTheSameResults(@TempDir Path tmp)
      throws Exception {
    Path store = tmp.resolve("store");
    assertEquals(0, SummaryCommandIT.load(store.toString()).exit());
    Map<String, String> alone = read(store, Files.createDirectories(tmp.resolve("alone")));
    CliIT.Run typoAlone = CliIT.run("summary", "--mechanism", "hopes", "--store", store.toString());
    assertEquals(2, typoAlone.exit(), typoAlone.err());

    // --max-rows 3000: the whole dataset is more than one answer, so it is read graph by graph.
    Process serve =
        ChildJvm.cmograph(
                "768m",
                List.of("serve", "--store", store.toString(), "--port", "0", "--max-rows", "3000"))
            .start();
    try {
      String get =
          CrashSafetyIT.awaitLine(serve, Pattern.compile("graph store\\s+(\\S+)\\?graph="));
      assertTrue(Files.isRegularFile(store.resolve(ServedStore.FILE)), "serve leaves its note");

      Map<String, String> served = read(store, Files.createDirectories(tmp.resolve("served")));
      assertSameResults(alone, served);
      // One document comes from the server, written there, not from a copy of the dataset.
      CliIT.Run one =
          CliIT.run("summary", "--mechanism", "hope", "--format", "html", "--store", s(store));
      assertTrue(
          one.err().matches("(?s).*; the summary comes from http://[^ ]+/summary\\s*"), one.err());
      CliIT.Run typo = CliIT.run("summary", "--mechanism", "hopes", "--store", s(store));
      assertEquals(2, typo.exit(), typo.err());
      String problem = typoAlone.err().lines().filter(l -> l.contains("hopes")).findFirst().get();
      assertTrue(typo.err().contains(problem), typo.err() + " lacks " + problem);
      // A note without the summary's address (an older server) or with another token: the copy.
      Path note = store.resolve(ServedStore.FILE);
      String written = Files.readString(note);
      Files.writeString(note, written.replaceAll("(?m)^summary.*\n", ""));
      CliIT.Run older =
          CliIT.run("summary", "--mechanism", "hope", "--format", "json", "--store", s(store));
      assertEquals(alone.get("summary-one"), ok(older));
      assertTrue(older.err().contains("; reading it through http://"), older.err());
      Files.writeString(note, written.replaceAll("(?m)^(summary-token=.*)$", "$1x"));
      CliIT.Run refused =
          CliIT.run("summary", "--mechanism", "hope", "--format", "json", "--store", s(store));
      assertEquals(alone.get("summary-one"), ok(refused));
      assertTrue(refused.err().contains("did not write the summary (HTTP 403)"), refused.err());
      Files.writeString(note, written);
      // diff reads the one study's graph through the server: a study it does not hold is new.
      Path again = tmp.resolve("gillard-2014-again.yaml");
      Files.writeString(
          again,
          Files.readString(Path.of(GILLARD))
              .replaceFirst("(?m)^  id: gillard-2014$", "  id: gillard-2014-again"));
      CliIT.Run newStudy =
          CliIT.run(
              "diff",
              again.toString(),
              "--sources",
              Repo.data().resolve("sources").toString(),
              "--store",
              s(store));
      assertTrue(
          ok(newStudy).contains(": new study gillard-2014-again; loading it into "),
          newStudy.out());
      CliIT.Run query = CliIT.run("query", "studies", "--store", store.toString());
      assertTrue(query.err().contains("is served by 'cmograph serve'"), query.err());

      CliIT.Run load = CliIT.run("load", GILLARD, "--store", store.toString());
      assertEquals(1, load.exit(), "a load never goes through the server");
      assertTrue(load.err().contains("(see docs/errors.md#store-locked)"), load.err());

      // The server cuts the whole dataset at 3000 quads: read graph by graph through /cmo/sparql.
      assertEquals(alone.get("summary"), ok(CliIT.run("summary", "--endpoint", get)));
    } finally {
      serve.destroy(); // SIGTERM, as Ctrl-C
      assertTrue(serve.waitFor(60, TimeUnit.SECONDS));
    }
    assertFalse(Files.exists(store.resolve(ServedStore.FILE)), "serve removes its note on stop");
    assertSameResults(alone, read(store, Files.createDirectories(tmp.resolve("after"))));
  }

  /**
   * The same output, byte for byte; for TriG, which is written in the order the store lists its
   * quads (not canonical, unlike N-Quads), the same dataset.
   */
  static void assertSameResults(Map<String, String> expected, Map<String, String> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    for (String command : expected.keySet()) {
      if (command.equals("export-trig")) {
        assertTrue(
            IsoMatcher.isomorphic(trig(expected.get(command)), trig(actual.get(command))),
            "export --format trig gives the same dataset");
      } else {
        assertEquals(expected.get(command), actual.get(command), command);
      }
    }
  }

  static DatasetGraph trig(String text) {
    DatasetGraph dataset = DatasetGraphFactory.create();
    RDFParser.fromString(text, Lang.TRIG).parse(dataset);
    return dataset;
  }

  @Test
  void summaryEndpointSummarisesAServersDataset(@TempDir Path tmp) throws Exception {
    Path store = tmp.resolve("store");
    assertEquals(0, SummaryCommandIT.load(store.toString()).exit());
    String local = ok(CliIT.run("summary", "--store", store.toString()));
    String localExport =
        exportOf(
            CliIT.run(
                "export",
                "--format",
                "nq",
                "--out",
                tmp.resolve("a.nq").toString(),
                "--store",
                store.toString()),
            tmp.resolve("a.nq"));
    try (CmoStore open = CmoStore.open(store);
        EndpointServer server =
            EndpointServer.start(
                open.dataset(),
                ServerSettings.defaults().withPort(0).withMaxRows(1_000_000),
                List::of)) {
      String get = server.graphStoreReadUrl();
      assertEquals(local, ok(CliIT.run("summary", "--endpoint", get)));
      assertEquals(
          localExport,
          exportOf(
              CliIT.run(
                  "export",
                  "--format",
                  "nq",
                  "--out",
                  tmp.resolve("b.nq").toString(),
                  "--endpoint",
                  get),
              tmp.resolve("b.nq")));
      CliIT.Run both = CliIT.run("summary", "--endpoint", get, "--store", store.toString());
      assertEquals(2, both.exit());
      // The SPARQL URL given for the read URL answers with a service description: refused, not
      // read as a dataset without studies.
      for (List<String> command :
          List.of(
              List.of("summary"), List.of("export", "--format", "nq"), List.of("diff", GILLARD))) {
        List<String> args = new java.util.ArrayList<>(command);
        args.addAll(List.of("--endpoint", server.queryUrl()));
        CliIT.Run wrong = CliIT.run(args.toArray(String[]::new));
        assertEquals(1, wrong.exit(), args + ": " + wrong.out() + wrong.err());
        assertTrue(
            wrong.err().contains("service description")
                && wrong.err().contains("/cmo/get")
                && wrong.err().contains("docs/errors.md#endpoint-failed"),
            args + ": " + wrong.err());
        assertEquals("", wrong.out(), args + ": wrote " + wrong.out());
      }
    }
  }

  static String exportOf(CliIT.Run r, Path file) throws Exception {
    ok(r);
    return Files.readString(file);
  }
}
