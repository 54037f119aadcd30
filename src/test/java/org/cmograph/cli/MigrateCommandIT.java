package org.cmograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cmograph.testing.Folders;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cmograph migrate} as a user runs it: files rewritten, messages, exit codes. */
class MigrateCommandIT {
  static CliIT.Run run(String... args) {
    return CliIT.run(args);
  }

  @Test
  void migratesTheBundledStudiesOnceAndThenLeavesThemAlone(@TempDir Path tmp) throws IOException {
    // The bundled studies as they shipped in the first format, with their sources.
    Path data = tmp.resolve("data");
    Folders.copyTree(Repo.testResources().resolve("migrate/shipped"), data);
    Path studies = data.resolve("studies");

    CliIT.Run first = run("migrate", studies.toString());
    assertEquals(0, first.exit(), first.out() + first.err());
    assertTrue(
        first.out().contains("peer-2024.yaml: migrated to format 2, 8 # CHECK mark(s)"),
        first.out());
    assertTrue(first.out().contains("20 file(s) migrated, 0 left as they were"), first.out());
    String peer = Files.readString(studies.resolve("peer-2024.yaml"), StandardCharsets.UTF_8);
    assertTrue(peer.contains("\nformat: 2\n"), peer);
    // The source was found beside the studies folder: reported speech is marked.
    assertTrue(peer.contains("# CHECK participants' words are quoted speech only: authors?"), peer);
    try (Stream<Path> left = Files.list(studies)) {
      assertEquals(List.of(), left.filter(p -> p.toString().endsWith(".migrating")).toList());
    }

    // What the migrated studies still lack is what migrate marked for a person: a mechanism
    // concept that format 2's catalogue moved out of the mechanisms (a strategy, a context, an
    // implementation outcome). Everything else validates.
    CliIT.Run check = run("validate", studies.toString());
    List<String> errors =
        check.out().lines().filter(l -> l.matches(".*:\\d+:\\d+: [A-Z].*")).toList();
    assertFalse(errors.isEmpty(), check.out());
    for (String error : errors) {
      assertTrue(error.contains(": UNKNOWN-MECHANISM "), error);
      String[] place = error.split(":");
      List<String> lines = Files.readAllLines(Path.of(place[0]), StandardCharsets.UTF_8);
      String above = lines.get(Integer.parseInt(place[1]) - 2);
      assertTrue(
          above.contains("# CHECK") && above.contains("is not in the mechanism catalogue"),
          error + "\n" + above);
    }

    Map<Path, String> migrated = contents(studies);
    CliIT.Run second = run("migrate", studies.toString());
    assertEquals(0, second.exit(), second.out());
    assertTrue(
        second.out().contains("peer-2024.yaml: already format 2, left as it is"), second.out());
    assertTrue(second.out().contains("0 file(s) migrated, 20 left as they were"), second.out());
    assertEquals(migrated, contents(studies), "migrating twice changes nothing");
  }

  @Test
  void oneFileThatDoesNotParseStopsEveryWrite(@TempDir Path tmp) throws IOException {
    Path good = tmp.resolve("minimal.yaml");
    Files.copy(Repo.testResources().resolve("extraction/valid/minimal.yaml"), good);
    Path bad = tmp.resolve("broken.yaml");
    Files.writeString(bad, "study:\n  id: broken\n    title: wrongly indented\n");
    Map<Path, String> before = contents(tmp);

    CliIT.Run r = run("migrate", tmp.toString());
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().matches("(?s).*broken\\.yaml:3:\\d+: YAML-SYNTAX .*"), r.out());
    assertTrue(r.out().contains("nothing written: 1 file(s) could not be migrated"), r.out());
    assertEquals(before, contents(tmp), "no file written");
  }

  @Test
  void jsonIsConvertedToJsonAndItsChecksArePrinted(@TempDir Path tmp) throws IOException {
    Path json = tmp.resolve("studies/json.json");
    Files.createDirectories(json.getParent());
    Files.copy(Repo.testResources().resolve("migrate/json.v1.json"), json);
    Folders.copyTree(Repo.testResources().resolve("migrate/sources"), tmp.resolve("sources"));

    CliIT.Run r = run("migrate", json.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("(JSON, which has no comments: 5 decision(s) to check"), r.out());
    assertTrue(r.out().contains("  /evidence/0/speaker: CHECK participants' words"), r.out());
    assertEquals(
        Files.readString(Repo.testResources().resolve("migrate/json.v2.json")),
        Files.readString(json));
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, run("migrate").exit());
    assertEquals(2, run("migrate", "--no-such-option", "x.yaml").exit());
  }

  @Test
  void aMissingPathIsAnError(@TempDir Path tmp) {
    CliIT.Run r = run("migrate", tmp.resolve("nope.yaml").toString());
    assertEquals(1, r.exit());
    assertTrue(r.out().contains("NOT-FOUND"), r.out());
  }

  private static Map<Path, String> contents(Path dir) throws IOException {
    Map<Path, String> out = new HashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.put(f.getFileName(), Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
