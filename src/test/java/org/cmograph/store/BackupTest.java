package org.cmograph.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.cmograph.testing.StoreHash;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Backups restore to the same canonical hash, byte for byte reproducible; a damaged, truncated or
 * tampered backup is refused before the store is touched.
 */
class BackupTest {
  static CmoStore source;
  static byte[] backup;

  @BeforeAll
  static void backUpTheBundledData() throws IOException {
    source = CmoStore.inMemory();
    StoreIT.load(source, StoreIT.bundledOrValidate());
    // What a user could add over SPARQL Update: the default graph, a blank node, hard literals.
    Txn.executeWrite(
        source.dataset(),
        () -> {
          Node s = NodeFactory.createURI("urn:x-test:s");
          source
              .dataset()
              .getDefaultGraph()
              .add(
                  s,
                  NodeFactory.createURI("urn:x-test:p"),
                  NodeFactory.createLiteralString("in the default graph"));
          Node g = NodeFactory.createURI("urn:x-test:g");
          Node b = NodeFactory.createBlankNode();
          source
              .dataset()
              .add(
                  g,
                  b,
                  NodeFactory.createURI("urn:x-test:quote"),
                  NodeFactory.createLiteralString(
                      "He said \"\"\"no\"\"\" -> <b>\\ \n\tnew line, \ud83d\ude00, \u0430"));
          source.dataset().add(g, s, NodeFactory.createURI("urn:x-test:knows"), b);
          source
              .dataset()
              .add(
                  g,
                  s,
                  NodeFactory.createURI("urn:x-test:label"),
                  NodeFactory.createLiteralLang("étiquette", "fr"));
        });
    backup = bytesOf(source);
    damaged = damaged();
  }

  static Map<String, byte[]> damaged;

  @AfterAll
  static void close() {
    source.close();
  }

  static byte[] bytesOf(CmoStore store) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Backup.write(store, out);
    return out.toByteArray();
  }

  static long defaultGraphSize(CmoStore store) {
    return Txn.calculateRead(store.dataset(), () -> store.dataset().getDefaultGraph().size());
  }

  @Test
  void aRestoredStoreHasTheSameCanonicalHashAndTheSameBackup(@TempDir Path dir) throws IOException {
    try (CmoStore target = CmoStore.open(dir)) {
      Backup.Restored r = Backup.restore(backup, target);
      assertTrue(r.backup().quads() > 1000);
      assertEquals(StoreHash.of(source), StoreHash.of(target));
      assertEquals(1, defaultGraphSize(target));
      assertArrayEquals(backup, bytesOf(target), "a backup of the restored store is the same file");
    }
  }

  @Test
  void theSameContentGivesTheSameBytes() throws IOException {
    assertArrayEquals(backup, bytesOf(source));
  }

  @Test
  void theBackupIsPlainGzippedNQuadsSealedWithItsChecksum() throws IOException {
    String text = new String(gunzip(backup), StandardCharsets.UTF_8);
    String[] lines = text.split("\n");
    assertTrue(
        lines[lines.length - 1].matches("# cmograph-backup v1 quads=\\d+ sha256=[0-9a-f]{64}"));
    Backup.Summary s = Backup.verify(backup);
    assertEquals(lines.length - 1, s.quads());
  }

  /** Damaged files, each named for the damage. */
  static Map<String, byte[]> damaged() throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    out.put("cut in half", Arrays.copyOf(backup, backup.length / 2));
    out.put("last 20 bytes missing", Arrays.copyOf(backup, backup.length - 20));
    out.put("last byte missing", Arrays.copyOf(backup, backup.length - 1));
    byte[] flipped = backup.clone();
    flipped[flipped.length / 3] ^= 0x10;
    out.put("one bit flipped", flipped);
    String text = new String(gunzip(backup), StandardCharsets.UTF_8);
    out.put("seal line removed", gzip(text.substring(0, text.lastIndexOf("# cmograph-backup"))));
    out.put(
        "a quad edited, seal kept",
        gzip(text.replaceFirst("\"in the default graph\"", "\"in the default graph!\"")));
    out.put(
        "a quad deleted, seal kept",
        gzip(text.replaceFirst("(?m)^[^#\\n]*urn:x-test:label[^\\n]*\\n", "")));
    String sealed = text.substring(text.lastIndexOf("# cmograph-backup"));
    out.put("a quad added after the seal", gzip(text + "<urn:a> <urn:b> <urn:c> .\n"));
    out.put(
        "a broken line, checksum recomputed",
        gzip(resealed(text.replaceFirst("<urn:x-test:s>", "<urn:x-test:s"))));
    out.put("empty file", new byte[0]);
    out.put("not gzip", "study:\n  id: x\n".getBytes(StandardCharsets.UTF_8));
    out.put("gzip of nothing", gzip(""));
    out.put("only the seal", gzip(sealed));
    return out;
  }

  /** The text with its seal recomputed, as a careless tool would: syntax must still be checked. */
  static String resealed(String text) {
    String body = text.substring(0, text.lastIndexOf("# cmograph-backup"));
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      String hex =
          java.util.HexFormat.of().formatHex(sha.digest(body.getBytes(StandardCharsets.UTF_8)));
      return body + "# cmograph-backup v1 quads=" + body.lines().count() + " sha256=" + hex + "\n";
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Iterable<String> damages() {
    return damaged.keySet();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("damages")
  void aDamagedBackupIsRefusedAndTheStoreIsUntouched(String damage) {
    byte[] bad = damaged.get(damage);
    try (CmoStore target = CmoStore.inMemory()) {
      StoreIT.load(target, StoreIT.bundledOrValidate().subList(0, 2));
      String before = StoreHash.of(target);
      Backup.DamagedBackupException e =
          assertThrows(Backup.DamagedBackupException.class, () -> Backup.restore(bad, target));
      assertTrue(!e.getMessage().isBlank());
      assertEquals(before, StoreHash.of(target), damage);
    }
  }

  static byte[] gunzip(byte[] bytes) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    }
  }

  static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
