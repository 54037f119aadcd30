package org.cmograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cmograph.cli.CliIT.Run;
import org.cmograph.rdf.SelectionVocab;
import org.cmograph.report.SelectionFlow;
import org.cmograph.report.SelectionReader;
import org.cmograph.store.CmoStore;
import org.cmograph.testing.Folders;
import org.cmograph.testing.Repo;
import org.cmograph.testing.StoreHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The selection log through the commands: a data folder with a selection.yaml validates and loads
 * it into its own graph, read back with the same counts; a log whose counts do not add up is named
 * with its line and column and the store is left as it was; a data folder without a log loads.
 */
class SelectionLoadIT {

  static Path copyOfData(Path tmp) throws IOException {
    Path data = tmp.resolve("data");
    Folders.copyTree(Repo.data(), data);
    return data;
  }

  @Test
  void aDataFolderWithALogValidatesAndLoadsIt(@TempDir Path tmp) throws IOException {
    Path data = copyOfData(tmp);
    Run v = CliIT.run("validate", data.toString());
    assertEquals(0, v.exit(), v.out() + v.err());
    assertTrue(v.out().contains("22 file(s) checked: 22 valid, 0 error(s), 0 warning(s)"), v.out());

    Path store = tmp.resolve("store");
    Run load =
        CliIT.run(
            "load",
            data.resolve("studies").toString(),
            data.resolve("selection.yaml").toString(),
            "--store",
            store.toString());
    assertEquals(0, load.exit(), load.err());
    try (CmoStore s = CmoStore.open(store)) {
      assertTrue(
          org.apache.jena.system.Txn.calculateRead(
              s.dataset(), () -> s.dataset().containsGraph(SelectionVocab.GRAPH)));
      SelectionFlow flow = new SelectionReader(s.dataset()).read().orElseThrow();
      assertEquals(24, flow.identified());
      assertEquals(1, flow.duplicatesRemoved());
      assertEquals(23, flow.includedRecords());
      assertEquals(20, flow.included().size());
      assertEquals(19, flow.studies());
    }

    Run export =
        CliIT.run(
            "export",
            "--format",
            "nq",
            "--store",
            store.toString(),
            "--out",
            tmp.resolve("all.nq").toString());
    assertEquals(0, export.exit(), export.err());
    String nq = Files.readString(tmp.resolve("all.nq"));
    assertTrue(
        nq.contains("<https://w3id.org/cmograph/graph/selection> ."),
        "the log is exported in its own graph");
  }

  @Test
  void countsThatDoNotAddUpAreNamedAndTheStoreIsKept(@TempDir Path tmp) throws IOException {
    Path data = copyOfData(tmp);
    Path store = tmp.resolve("store");
    assertEquals(
        0,
        CliIT.run("load", data.resolve("studies").toString(), "--store", store.toString()).exit());
    String before = StoreHash.of(store);
    Path log = data.resolve("selection.yaml");
    Files.writeString(log, Files.readString(log).replace("  removed: 1\n", "  removed: 2\n"));
    Run v = CliIT.run("validate", data.toString());
    assertEquals(1, v.exit());
    // placed at the first included entry: the line after 'included:'
    int line = Files.readAllLines(log).indexOf("included:") + 2;
    assertTrue(
        v.out()
            .contains(
                "selection.yaml:"
                    + line
                    + ":3: COUNTS-DO-NOT-ADD-UP the included extraction files cover 23 records, but 22 remain"
                    + " (24 identified, less 2 duplicates removed)"),
        v.out());
    Run load =
        CliIT.run(
            "load",
            data.resolve("studies").toString(),
            log.toString(),
            "--store",
            store.toString());
    assertEquals(1, load.exit());
    assertTrue(load.err().contains("COUNTS-DO-NOT-ADD-UP"), load.err());
    assertTrue(load.err().contains("the store was not changed"), load.err());
    assertEquals(before, StoreHash.of(store));
  }

  @Test
  void aDataFolderWithoutALogLoads(@TempDir Path tmp) throws IOException {
    Path data = copyOfData(tmp);
    Files.delete(data.resolve("selection.yaml"));
    Run v = CliIT.run("validate", data.toString());
    assertEquals(0, v.exit(), v.out());
    assertFalse(v.out().contains("selection"), v.out());
    Path store = tmp.resolve("store");
    assertEquals(0, CliIT.run("load", data.toString(), "--store", store.toString()).exit());
    try (CmoStore s = CmoStore.open(store)) {
      assertTrue(new SelectionReader(s.dataset()).read().isEmpty());
    }
  }
}
