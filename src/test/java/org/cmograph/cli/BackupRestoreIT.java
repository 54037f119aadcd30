package org.cmograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.cmograph.testing.ChildJvm;
import org.cmograph.testing.Repo;
import org.cmograph.testing.StoreHash;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cmograph backup} and {@code cmograph restore} as a user runs them: a round trip gives the
 * same canonical hash, a damaged file is refused with the store untouched, and a backup can be
 * taken through a running server (which holds the store's lock).
 */
class BackupRestoreIT {
  @TempDir static Path tmp;
  static Path original;
  static String originalHash;

  @BeforeAll
  static void fill() {
    original = tmp.resolve("original");
    CliIT.Run r =
        CliIT.run(
            "load", Repo.data().resolve("studies").toString(), "--store", original.toString());
    assertEquals(0, r.exit(), r.err());
    originalHash = StoreHash.of(original);
  }

  static Path smallStore(String name) {
    Path store = tmp.resolve(name);
    CliIT.Run r =
        CliIT.run(
            "load",
            Repo.data().resolve("studies/peer-2024.yaml").toString(),
            "--store",
            store.toString());
    assertEquals(0, r.exit(), r.err());
    return store;
  }

  @Test
  void backupThenRestoreGivesTheSameCanonicalHash() throws Exception {
    Path file = tmp.resolve("round-trip.nq.gz");
    long start = System.nanoTime();
    CliIT.Run b = CliIT.run("backup", "--out", file.toString(), "--store", original.toString());
    long backupMs = (System.nanoTime() - start) / 1_000_000;
    assertEquals(0, b.exit(), b.err());
    assertTrue(b.out().startsWith("backed up "), b.out());
    Path target = smallStore("restored");
    start = System.nanoTime();
    CliIT.Run r = CliIT.run("restore", file.toString(), "--store", target.toString());
    long restoreMs = (System.nanoTime() - start) / 1_000_000;
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("is intact") && r.out().contains("restored "), r.out());
    assertEquals(originalHash, StoreHash.of(target));
    System.out.printf(
        "backup: %d bytes; backup %d ms, restore %d ms; canonical hash equal%n",
        Files.size(file), backupMs, restoreMs);
  }

  @Test
  void aTruncatedOrCorruptBackupIsRefusedAndTheStoreIsUntouched() throws Exception {
    Path file = tmp.resolve("good.nq.gz");
    assertEquals(
        0, CliIT.run("backup", "--out", file.toString(), "--store", original.toString()).exit());
    byte[] good = Files.readAllBytes(file);
    byte[] corrupt = good.clone();
    corrupt[good.length / 2] ^= 0x01;
    Path target = original; // a damaged restore must leave even the store it came from alone
    String before = originalHash;
    for (byte[] bad :
        List.of(
            Arrays.copyOf(good, good.length * 2 / 3),
            Arrays.copyOf(good, good.length - 8),
            corrupt)) {
      Path damaged = Files.write(tmp.resolve("damaged.nq.gz"), bad);
      CliIT.Run r = CliIT.run("restore", damaged.toString(), "--store", target.toString());
      assertEquals(1, r.exit(), r.out() + r.err());
      assertTrue(
          r.err().contains("is damaged") && r.err().contains("the store was not touched"), r.err());
      assertFalse(r.err().contains("\tat "), r.err());
      assertEquals(before, StoreHash.of(target));
    }
  }

  @Test
  void aBackupThroughARunningServerRestoresToTheSameHash() throws Exception {
    Path served = original;
    String servedHash = originalHash;
    Process serve =
        ChildJvm.cmograph("768m", List.of("serve", "--store", served.toString(), "--port", "0"))
            .start();
    Path file = tmp.resolve("through-server.nq.gz");
    Path viaFolder = tmp.resolve("x.nq.gz");
    try {
      String gsp =
          CrashSafetyIT.awaitLine(serve, Pattern.compile("graph store\\s+(\\S+)\\?graph="));
      // The server holds the store: a backup of the folder is read through it (its note there).
      CliIT.Run locked =
          CliIT.run("backup", "--out", viaFolder.toString(), "--store", served.toString());
      assertEquals(0, locked.exit(), locked.err());
      assertTrue(locked.err().contains("is served by 'cmograph serve'"), locked.err());
      CliIT.Run b = CliIT.run("backup", "--out", file.toString(), "--endpoint", gsp);
      assertEquals(0, b.exit(), b.out() + b.err());
    } finally {
      serve.destroy();
      serve.waitFor(30, TimeUnit.SECONDS);
    }
    Path target = tmp.resolve("from-server"); // a new, empty store
    CliIT.Run r = CliIT.run("restore", file.toString(), "--store", target.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(servedHash, StoreHash.of(target), shape(served) + " vs restored " + shape(target));
    assertEquals(
        org.cmograph.store.Backup.verify(Files.readAllBytes(file)).sha256(),
        org.cmograph.store.Backup.verify(Files.readAllBytes(viaFolder)).sha256(),
        "the same quads through the folder as through --endpoint");
  }

  /** Quads and default-graph triples, to tell what differs when hashes do. */
  static String shape(Path store) {
    try (org.cmograph.store.CmoStore s = org.cmograph.store.CmoStore.open(store)) {
      return org.apache.jena.system.Txn.calculateRead(
          s.dataset(),
          () ->
              s.dataset().stream().count()
                  + " quads, default graph "
                  + s.dataset().getDefaultGraph().size());
    }
  }
}
