package org.cmograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cmograph.testing.ChildJvm;
import org.cmograph.testing.HostileInputs;
import org.cmograph.testing.Repo;
import org.cmograph.testing.StoreHash;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole bad-input corpus (committed files and generated ones) through the commands a user runs.
 * {@code validate} prints every expected problem of every case, in one child JVM with a 96 MB heap,
 * exits 1 and shows no stack trace; {@code load} refuses each case on its own (exit 1, no stack
 * trace), and the store's canonical hash after them all is the same as before.
 */
class BadInputIT {
  @TempDir static Path tmp;
  static Path store;
  static String hashBefore;
  static final Path INVALID = Repo.testResources().resolve("extraction/invalid");
  static final String SOURCES = HostileInputs.sources().toString();

  /** Two bundled studies: any content will do, and a small store hashes quickly per case. */
  @BeforeAll
  static void fillTheStore() {
    store = tmp.resolve("store");
    Path studies = Repo.data().resolve("studies");
    CliIT.Run r =
        CliIT.run(
            "load",
            studies.resolve("gillard-2014.yaml").toString(),
            studies.resolve("peer-2024.yaml").toString(),
            "--store",
            store.toString());
    assertEquals(0, r.exit(), r.err());
    hashBefore = StoreHash.of(store);
  }

  /**
   * The generated cases, one load each (they test the reader's limits). The committed corpus is
   * loaded as one folder by default, since a load refuses exactly when validation finds an error
   * and {@link #validateReportsEveryCaseInOneRunWithinASmallHeap} shows that for every file; with
   * {@code -Dcmograph.test.fullCorpus=true} each committed file is loaded on its own too (a minute
   * more).
   */
  static Stream<Arguments> inputs() throws IOException {
    List<Arguments> out = new ArrayList<>();
    if (Boolean.getBoolean("cmograph.test.fullCorpus")) {
      try (Stream<Path> files = Files.list(INVALID)) {
        files
            .filter(p -> p.toString().endsWith(".yaml"))
            .sorted()
            .forEach(p -> out.add(Arguments.of(p.getFileName().toString(), INVALID, p)));
      }
    } else {
      out.add(Arguments.of("the committed corpus, as one folder", INVALID, INVALID));
    }
    Path generated = tmp.resolve("hostile");
    for (HostileInputs.Case c : HostileInputs.all()) {
      Path dir = Files.createDirectories(generated.resolve(c.name()));
      out.add(Arguments.of(c.name(), dir, c.writeUnder(dir)));
    }
    return out.stream();
  }

  /** The golden lines of a case, without the file part (the CLI prints longer paths). */
  static List<String> expected(String name) throws IOException {
    Path golden =
        name.endsWith(".yaml")
            ? INVALID.resolve(name.replace(".yaml", ".problems.txt"))
            : HostileInputs.goldenDir().resolve(name + ".problems.txt");
    return Files.readAllLines(golden);
  }

  static void assertNoStackTrace(String output) {
    assertFalse(output.contains("Exception"), output);
    assertFalse(output.contains("\tat "), output);
  }

  /**
   * Every golden line appears in the output: same place and code (the message may differ only in a
   * did-you-mean drawn from the real catalogue), the file shown with a longer path.
   */
  static void assertReported(String name, String output) throws IOException {
    for (String line : expected(name)) {
      String place = line.substring(0, line.indexOf(' '));
      String code = line.split(" ")[1];
      assertTrue(
          output
              .lines()
              .anyMatch(
                  l ->
                      l.equals(line)
                          || l.endsWith("/" + line)
                          || ((l.startsWith(place) || l.contains("/" + place))
                              && l.contains(" " + code + " "))),
          name + ": validate prints " + line + "\n" + output);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void loadRefusesEachAndTheStoreIsUnchanged(String name, Path root, Path input)
      throws IOException {
    CliIT.Run l =
        CliIT.run("load", "--sources", SOURCES, input.toString(), "--store", store.toString());
    assertEquals(1, l.exit(), l.out() + l.err());
    assertNoStackTrace(l.out() + l.err());
    assertTrue(
        l.err().contains("load refused") && l.err().contains("the store was not changed"), l.err());
    // The load checks files inside its write transaction and abandons it: the content is what
    // must not change (TDB2 may rewrite its own state files). Hashing after every case costs
    // half a minute; by default the hash is compared once, after the last (see @AfterAll).
    if (Boolean.getBoolean("cmograph.test.hashEach")) {
      assertEquals(hashBefore, StoreHash.of(store), name + ": the store's content changed");
    }
  }

  @AfterAll
  static void theStoreHoldsWhatItHeldBeforeAnyRefusedLoad() {
    assertEquals(
        hashBefore,
        StoreHash.of(store),
        "a refused load changed the store; -Dcmograph.test.hashEach=true finds which");
  }

  @Test
  void validateReportsEveryCaseInOneRunWithinASmallHeap() throws IOException {
    List<String> args = new ArrayList<>(List.of("validate", "-q", "--sources", SOURCES));
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(INVALID)) {
      for (Path p : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        args.add(p.toString());
        names.add(p.getFileName().toString());
      }
    }
    Path generated = tmp.resolve("all-at-once");
    for (HostileInputs.Case c : HostileInputs.all()) {
      c.writeUnder(Files.createDirectories(generated.resolve(c.name())));
      names.add(c.name());
    }
    args.add(generated.toString());
    long start = System.nanoTime();
    ChildJvm.Result r = ChildJvm.run("96m", args);
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertEquals(1, r.exit(), r.output());
    assertNoStackTrace(r.output());
    for (String name : names) {
      assertReported(name, r.output());
    }
    System.out.printf(
        "corpus: %d cases (%d problem lines) validated in one JVM with -Xmx96m in %d ms%n",
        names.size(), r.output().lines().count(), ms);
  }
}
