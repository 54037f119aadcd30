package org.cmograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * diff, catalogue suggest, completion, and load's --quiet and --json, against a store holding the
 * bundled gillard-2024 study.
 */
class DiffAndCatalogueIT {
  @TempDir static Path tmp;
  static String store;

  static SpreadsheetImportIT.Run run(String... args) {
    return SpreadsheetImportIT.run(args);
  }

  @BeforeAll
  static void loadOneStudy() {
    store = tmp.resolve("store").toString();
    SpreadsheetImportIT.Run r =
        run(
            "load",
            Repo.data().resolve("studies/gillard-2024.yaml").toString(),
            "--store",
            store,
            "--quiet");
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.out(), "--quiet prints no summary");
  }

  /**
   * gillard-2024 with one stance, one outcome direction, one context's catalogue concept and the
   * year changed, and one item (a recommendation) gone.
   */
  static Path edited() throws IOException {
    String s = Files.readString(Repo.data().resolve("studies/gillard-2024.yaml"));
    s =
        replaceOnce(
            s,
            "    perspective: peer-worker\n    stance: supports",
            "    perspective: peer-worker\n    stance: refines");
    int from = s.indexOf("  - id: low-geography\n");
    int to = s.indexOf("\nextraction:\n");
    s = s.substring(0, from) + s.substring(to + 1);
    s =
        replaceOnce(
            s,
            "    description: Consistency of delivery of peer support impacted\n"
                + "    direction: worsened",
            "    description: Consistency of delivery of peer support impacted\n"
                + "    direction: mixed");
    s =
        replaceOnce(
            s,
            "    type: geographic\n    concept: rurality\n",
            "    type: geographic\n    concept: individual-circumstances\n");
    s = replaceOnce(s, "  year: 2024\n", "  year: 2023\n");
    Path dir = Files.createDirectories(tmp.resolve("edited"));
    return Files.writeString(dir.resolve("gillard-2024.yaml"), s);
  }

  static String replaceOnce(String s, String from, String to) {
    assertTrue(s.contains(from), "the bundled file changed; update the test's edit: " + from);
    return s.replace(from, to);
  }

  @Test
  void diffListsWhatALoadWouldChange() throws IOException {
    Path file = edited();
    SpreadsheetImportIT.Run r =
        run(
            "diff",
            file.toString(),
            "--store",
            store,
            "--sources",
            Repo.data().resolve("sources").toString());
    assertEquals(0, r.exit(), r.err());
    String shown = r.out().replace(file.toString(), "FILE").replace(store, "STORE");
    assertEquals(
        String.join(
            "\n",
            "FILE: loading it into STORE would change study gillard-2024:",
            "  CMOCs: 0 added, 1 changed, 0 removed",
            "    ~ low-engagement-fidelity-sites: outcome reduced-consistency direction worsened →"
                + " mixed",
            "  evidence items: 0 added, 1 changed, 1 removed",
            "    - low-geography \"Attention needs to be paid to the impact of geography on"
                + " implementation.\"",
            "    ~ low-ward-relationships: stance supports → refines",
            "  catalogue links: 0 added, 1 changed, 0 removed",
            "    ~ context rural-areas: rurality → individual-circumstances",
            "  study facts: publication issued 2024 → 2023",
            ""),
        shown);
  }

  @Test
  void diffOfTheLoadedFileIsEmptyAndOfANewStudyListsEverything() {
    SpreadsheetImportIT.Run same =
        run("diff", Repo.data().resolve("studies/gillard-2024.yaml").toString(), "--store", store);
    assertEquals(0, same.exit(), same.err());
    assertTrue(
        same.out()
            .endsWith(
                "no change; " + store + " already holds this version of study gillard-2024\n"),
        same.out());
    SpreadsheetImportIT.Run added =
        run("diff", Repo.data().resolve("studies/gillard-2014.yaml").toString(), "--store", store);
    assertEquals(0, added.exit(), added.err());
    assertTrue(
        added
            .out()
            .contains(
                "new study gillard-2014; loading it into "
                    + store
                    + " would add 3 CMOC(s), 8 evidence item(s), 5 catalogue link(s)"),
        added.out());
    assertTrue(
        added.out().contains("    + trusting-relationships → trusting-relationship"), added.out());
  }

  @Test
  void diffRefusesAFileThatDoesNotValidate() {
    SpreadsheetImportIT.Run r =
        run(
            "diff",
            Repo.testResources().resolve("extraction/invalid/unknown-key.yaml").toString(),
            "--store",
            store);
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("UNKNOWN-KEY"), r.err());
    assertTrue(r.err().contains("diff refused"), r.err());
  }

  @Test
  void catalogueSuggestNamesSingleStudyConceptsWithTheirNearestNeighbours() {
    // gillard-2024 holds outcome patterns only (no mechanism): it adds no concept in use.
    String both = tmp.resolve("two-studies").toString();
    SpreadsheetImportIT.Run load =
        run(
            "load",
            Repo.data().resolve("studies/gillard-2024.yaml").toString(),
            Repo.data().resolve("studies/peer-2024.yaml").toString(),
            "--store",
            both,
            "--quiet");
    assertEquals(0, load.exit(), load.err());
    SpreadsheetImportIT.Run r = run("catalogue", "suggest", "--store", both, "--mechanism", "hope");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("the 2 studies in " + both + " use 4 of them"), r.out());
    assertTrue(r.out().contains("study mechanisms mapped to no catalogue concept: none"), r.out());
    assertTrue(r.out().contains("concepts used by one study only (4)"), r.out());
    assertTrue(
        r.out()
            .contains(
                "  trusting-relationship \"Trusting relationship based on shared lived experience\""
                    + " (peer-2024, 1 CMOC)\n"
                    + "    worded: \"Connectedness as a prerequisite for engagement\"\n"
                    + "    closest other concepts: connection-and-engagement ("),
        r.out());
    assertTrue(
        r.out().contains("concepts asked for:\n  hope \"Hope\" (peer-2024, 1 CMOC)"), r.out());
    assertEquals(2, run("catalogue", "suggest", "--store", both, "--mechanism", "hop").exit());
  }

  @Test
  void catalogueListPrintsEachCatalogueFromItsFileWithoutAStore() {
    SpreadsheetImportIT.Run mechanisms = run("catalogue", "list");
    assertEquals(0, mechanisms.exit(), mechanisms.err());
    assertTrue(
        mechanisms.out().startsWith("mechanisms catalogue (ontology/mechanism-catalogue.ttl): "),
        mechanisms.out());
    // A mechanism's definition names its resource and the reasoning it triggers.
    assertTrue(
        mechanisms.out().contains("\ntrusting-relationship  Trusting relationship"),
        mechanisms.out());
    assertTrue(mechanisms.out().contains("  broader: shared-lived-experience\n"), mechanisms.out());
    assertTrue(
        mechanisms.out().contains("Reasoning: the person supported trusts the peer"),
        mechanisms.out());
    // Fidelity is an implementation outcome, not a mechanism.
    assertFalse(mechanisms.out().contains("\nfidelity-to-peer-principles "), mechanisms.out());

    SpreadsheetImportIT.Run outcomes = run("catalogue", "list", "outcomes");
    assertEquals(0, outcomes.exit(), outcomes.err());
    assertTrue(outcomes.out().contains("\nfidelity-to-peer-principles "), outcomes.out());
    SpreadsheetImportIT.Run contexts = run("catalogue", "list", "Contexts");
    assertEquals(0, contexts.exit(), contexts.err());
    assertTrue(contexts.out().contains("\nrole-clarity  "), contexts.out());
    assertTrue(contexts.out().contains("  used by: "), contexts.out());

    SpreadsheetImportIT.Run wrong = run("catalogue", "list", "strategies");
    assertEquals(2, wrong.exit());
    assertTrue(wrong.err().contains("MECHANISMS, CONTEXTS, OUTCOMES"), wrong.err());
  }

  @Test
  void completionPrintsABashScriptWithCommandsAndCatalogueIds() {
    SpreadsheetImportIT.Run r = run("completion");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("#!/usr/bin/env bash"), r.out().substring(0, 40));
    assertTrue(r.out().contains("complete -F _complete_cmograph"), "registers the function");
    for (String command : new String[] {"import", "diff", "catalogue", "load", "validate"}) {
      assertTrue(r.out().contains(command), command);
    }
    assertTrue(r.out().contains("\"trusting-relationship\""), "catalogue ids complete --mechanism");
  }

  @Test
  void loadJsonIsOneObjectOnStandardOutput() throws IOException {
    SpreadsheetImportIT.Run r =
        run(
            "load",
            Repo.data().resolve("studies/gillard-2024.yaml").toString(),
            "--store",
            store,
            "--json");
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertTrue(json.get("ok").asBoolean());
    assertEquals(1, json.get("studies").asInt());
    assertTrue(json.get("triples").asInt() > 300);
    SpreadsheetImportIT.Run bad =
        run(
            "load",
            Repo.testResources().resolve("extraction/invalid/unknown-key.yaml").toString(),
            "--store",
            store,
            "--json");
    assertEquals(1, bad.exit());
    assertEquals("", bad.err());
    JsonNode refused = new ObjectMapper().readTree(bad.out());
    assertEquals(false, refused.get("ok").asBoolean());
    assertTrue(refused.get("problems").toString().contains("UNKNOWN-KEY"));
  }
}
