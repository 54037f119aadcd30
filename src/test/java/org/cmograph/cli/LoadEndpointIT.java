package org.cmograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.system.Txn;
import org.cmograph.endpoint.EndpointServer;
import org.cmograph.endpoint.ServerSettings;
import org.cmograph.rdf.Entailment;
import org.cmograph.rdf.Iris;
import org.cmograph.store.CmoStore;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code cmograph load --endpoint}: the same validated studies pushed over the Graph Store Protocol
 * to a second, standalone Fuseki arrive whole, graph for graph, and answer queries as the local
 * store does; pushing to cmograph's own endpoint takes the update user's credentials.
 */
class LoadEndpointIT {
  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cli = CmographCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return new Run(cli.execute(args), out.toString(), err.toString());
  }

  static final String STUDIES_QUERY =
      "PREFIX cmo: <https://w3id.org/cmograph/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/>"
          + " SELECT ?id (COUNT(?e) AS ?n) { GRAPH ?g { ?s a cmo:Study ; dcterms:identifier ?id } OPTIONAL { GRAPH ?h { ?e cmo:countsForMechanism ?m ; cmo:fromStudy ?s } } } GROUP BY ?id ORDER BY ?id";

  @Test
  void pushesEveryGraphToAStandaloneFusekiAndRoundTrips(@TempDir Path tmp) {
    DatasetGraph remote = DatasetGraphFactory.createTxnMem();
    FusekiServer fuseki =
        FusekiServer.create().port(0).loopback(true).add("/ds", remote, true).build().start();
    try {
      String gsp = "http://localhost:" + fuseki.getHttpPort() + "/ds/data";
      Run push = run("load", Repo.data().resolve("studies").toString(), "--endpoint", gsp);
      assertEquals(0, push.exit(), push.err());
      assertTrue(push.out().startsWith("pushed 20 studies (42 graphs, "), push.out());

      Path storeDir = tmp.resolve("store");
      assertEquals(
          0,
          run("load", Repo.data().resolve("studies").toString(), "--store", storeDir.toString())
              .exit());
      try (CmoStore local = CmoStore.open(storeDir)) {
        DatasetGraph dsg = local.dataset();
        List<Node> names =
            Txn.calculateRead(
                dsg,
                () -> {
                  List<Node> all = new java.util.ArrayList<>();
                  dsg.listGraphNodes().forEachRemaining(all::add);
                  return all;
                });
        assertEquals(42, names.size());
        for (Node name : names) {
          Graph here = Txn.calculateRead(dsg, () -> copy(dsg.getGraph(name)));
          Graph there = Txn.calculateRead(remote, () -> copy(remote.getGraph(name)));
          assertTrue(here.isIsomorphicWith(there), "graph " + name + " arrived whole");
        }
        assertTrue(names.contains(Entailment.graphOf("gillard-2014")));
        assertTrue(names.contains(Iris.CATALOGUE_GRAPH));

        String overHttp =
            csv(
                QueryExecHTTP.service("http://localhost:" + fuseki.getHttpPort() + "/ds/query")
                    .query(STUDIES_QUERY)
                    .build());
        String locally =
            Txn.calculateRead(
                dsg,
                () ->
                    csv(QueryExec.dataset(dsg).query(QueryFactory.create(STUDIES_QUERY)).build()));
        assertEquals(locally, overHttp);
      }

      // Pushing again replaces, it does not add.
      long before = Txn.calculateRead(remote, () -> remote.stream().count());
      assertEquals(
          0, run("load", Repo.data().resolve("studies").toString(), "--endpoint", gsp).exit());
      assertEquals(before, Txn.calculateRead(remote, () -> remote.stream().count()));
    } finally {
      fuseki.stop();
    }
  }

  static Graph copy(Graph g) {
    Graph out = org.apache.jena.sparql.graph.GraphFactory.createGraphMem();
    g.find().forEachRemaining(out::add);
    return out;
  }

  static String csv(QueryExec exec) {
    try (exec) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      ResultSetFormatter.outputAsCSV(out, ResultSet.adapt(exec.select()));
      return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void pushingToCmographsOwnEndpointTakesTheUpdateUser(@TempDir Path tmp) throws IOException {
    Path password = tmp.resolve("password");
    Files.writeString(password, "s3cret-Words\n");
    try (CmoStore store = CmoStore.inMemory();
        EndpointServer server =
            EndpointServer.start(
                store.dataset(),
                ServerSettings.defaults()
                    .withPort(0)
                    .withUpdateUser(new ServerSettings.Credentials("curator", "s3cret-Words")),
                List::of)) {
      String gsp = server.graphStoreWriteUrl();
      String study = Repo.data().resolve("studies/gillard-2014.yaml").toString();
      Run anonymous = run("load", study, "--endpoint", gsp);
      assertEquals(1, anonymous.exit());
      assertTrue(anonymous.err().contains("HTTP 401"), anonymous.err());
      assertTrue(anonymous.err().contains("--user and --password-file"), anonymous.err());

      Path wrong = tmp.resolve("wrong");
      Files.writeString(wrong, "guess\n");
      Run denied =
          run(
              "load",
              study,
              "--endpoint",
              gsp,
              "--user",
              "curator",
              "--password-file",
              wrong.toString());
      assertEquals(1, denied.exit());
      assertTrue(denied.err().contains("HTTP 401"), denied.err());

      Run ok =
          run(
              "load",
              study,
              "--endpoint",
              gsp,
              "--user",
              "curator",
              "--password-file",
              password.toString());
      assertEquals(0, ok.exit(), ok.err());
      assertTrue(ok.out().startsWith("pushed 1 study (4 graphs, "), ok.out());
      assertEquals(List.of("gillard-2014"), store.studyIds());
    }
  }

  @Test
  void endpointOptionsAreChecked(@TempDir Path tmp) {
    assertEquals(
        2, run("load", "--endpoint", "http://localhost:1/x", "--store", tmp.toString()).exit());
    assertEquals(2, run("load", "--endpoint", "http://localhost:1/x", "--user", "u").exit());
    assertEquals(2, run("load", "--user", "u", "--password-file", tmp.toString()).exit());
    Run notHttp =
        run(
            "load",
            Repo.data().resolve("studies/gillard-2014.yaml").toString(),
            "--endpoint",
            "ftp://example.org/x");
    assertEquals(1, notHttp.exit());
    assertTrue(notHttp.err().contains("http:// or https://"), notHttp.err());
    Run refused =
        run(
            "load",
            Repo.data().resolve("studies/gillard-2014.yaml").toString(),
            "--endpoint",
            "http://127.0.0.1:1/ds/data");
    assertEquals(1, refused.exit());
    assertTrue(refused.err().contains("no connection"), refused.err());
  }
}
