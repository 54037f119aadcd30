package org.cmograph.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.cmograph.testing.Repo;
import org.cmograph.util.Hashes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands as a user runs them: exit codes, messages, files written, the store's bytes. */
class CliIT {
  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cli = CmographCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static String data() {
    return Repo.data().toString();
  }

  @Test
  void validateTheBundledDataExitsZero() {
    Run r = run("validate", data());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(
        r.out()
            .matches(
                "(?s).*\\d+ file\\(s\\) checked: \\d+ valid, 0 error\\(s\\), 0 warning\\(s\\)\\s*"),
        r.out());
  }

  @Test
  void validateReportsProblemsAndExitsOne() {
    Path bad = Repo.testResources().resolve("extraction/invalid/unknown-key.yaml");
    Run r =
        run(
            "validate",
            "--sources",
            Repo.testResources().resolve("extraction/sources").toString(),
            bad.toString());
    assertEquals(1, r.exit());
    assertTrue(
        r.out().contains("unknown-key.yaml:12:3: UNKNOWN-KEY unknown key 'settting'"), r.out());
    assertFalse(r.out().contains("Exception"), "no stack trace");
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, run("validate").exit());
    assertEquals(2, run("no-such-command").exit());
    assertEquals(2, run("export", "--format", "rdfxml", "--store", "/nonexistent").exit());
    assertEquals(2, run("new", "Bad Id").exit());
  }

  @Test
  void loadThenExportGivesTheSameBytesTwice(@TempDir Path tmp) throws IOException {
    String store = tmp.resolve("store").toString();
    assertEquals(0, run("load", data() + "/studies", "--store", store).exit());
    assertEquals(
        0,
        run("export", "--format", "nq", "--store", store, "--out", tmp.resolve("a.nq").toString())
            .exit());
    Run again = run("load", data() + "/studies", "--store", store);
    assertEquals(0, again.exit(), again.err());
    assertTrue(again.out().startsWith("loaded "), again.out());
    assertEquals(
        0,
        run("export", "--format", "nq", "--store", store, "--out", tmp.resolve("b.nq").toString())
            .exit());
    byte[] a = Files.readAllBytes(tmp.resolve("a.nq"));
    assertTrue(a.length > 100_000);
    assertArrayEquals(a, Files.readAllBytes(tmp.resolve("b.nq")));
  }

  @Test
  void aRefusedLoadLeavesTheStoreByteForByteAsItWas(@TempDir Path tmp) throws IOException {
    String store = tmp.resolve("store").toString();
    assertEquals(0, run("load", data() + "/studies", "--store", store).exit());
    TreeMap<String, String> before = fingerprint(tmp.resolve("store"));
    Path studies = tmp.resolve("incoming/studies");
    Files.createDirectories(studies);
    Files.createDirectories(tmp.resolve("incoming/sources"));
    Files.copy(
        Repo.data().resolve("studies/gillard-2014.yaml"), studies.resolve("gillard-2014.yaml"));
    Files.copy(
        Repo.data().resolve("sources/gillard-2014-change-model.txt"),
        tmp.resolve("incoming/sources/gillard-2014-change-model.txt"));
    Files.copy(
        Repo.testResources().resolve("extraction/invalid/misquote-one-word.yaml"),
        studies.resolve("misquote-one-word.yaml"));
    Run r = run("load", studies.toString(), "--store", store);
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("QUOTE-NOT-VERBATIM"), r.err());
    assertTrue(r.err().contains("the store was not changed"), r.err());
    assertEquals(before, fingerprint(tmp.resolve("store")));
  }

  @Test
  void newWritesATemplateThatFollowsTheSchema(@TempDir Path tmp) throws IOException {
    Run r = run("new", "smith-2023", "--dir", tmp.toString());
    assertEquals(0, r.exit(), r.err());
    Path file = tmp.resolve("smith-2023.yaml");
    String text = Files.readString(file);
    assertTrue(text.startsWith("# yaml-language-server: $schema="));
    Run v = run("validate", file.toString());
    assertEquals(1, v.exit(), "a template with TODOs is not yet a valid study");
    assertFalse(
        v.out().contains("UNKNOWN-KEY")
            || v.out().contains("WRONG-TYPE")
            || v.out().contains("MISSING-FIELD"),
        v.out());
    assertTrue(v.out().contains("SOURCE-NOT-FOUND"), v.out());
    assertEquals(
        1, run("new", "smith-2023", "--dir", tmp.toString()).exit(), "never overwrites silently");
  }

  static TreeMap<String, String> fingerprint(Path dir) throws IOException {
    TreeMap<String, String> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        out.put(
            dir.relativize(p).toString(),
            Hashes.sha256(Files.readAllBytes(p)) + ":" + Files.getLastModifiedTime(p));
      }
    }
    return out;
  }
}
