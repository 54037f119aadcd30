package org.cmograph.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cmograph generate}: files that validate, the same bytes for the same seed. */
class GenerateCommandIT {
  static Map<String, byte[]> files(Path dir) throws IOException {
    Map<String, byte[]> all = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        all.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return all;
  }

  @Test
  void generatedStudiesPassValidate(@TempDir Path dir) {
    CliIT.Run g = CliIT.run("generate", "--studies", "40", "--seed", "11", "--out", dir.toString());
    assertEquals(0, g.exit(), g.out() + g.err());
    assertTrue(g.out().contains("wrote 40 studies"), g.out());
    CliIT.Run v = CliIT.run("validate", dir.toString());
    assertEquals(0, v.exit(), v.out() + v.err());
    assertTrue(v.out().contains("40 file(s) checked: 40 valid, 0 error(s), 0 warning(s)"), v.out());
  }

  @Test
  void theSameSeedGivesIdenticalBytes(@TempDir Path dir) throws IOException {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Path c = dir.resolve("c");
    assertEquals(
        0, CliIT.run("generate", "--studies", "12", "--seed", "5", "--out", a.toString()).exit());
    assertEquals(
        0, CliIT.run("generate", "--studies", "12", "--seed", "5", "--out", b.toString()).exit());
    assertEquals(
        0, CliIT.run("generate", "--studies", "12", "--seed", "6", "--out", c.toString()).exit());
    Map<String, byte[]> fa = files(a);
    Map<String, byte[]> fb = files(b);
    assertEquals(24, fa.size(), fa.keySet().toString());
    assertEquals(fa.keySet(), fb.keySet());
    for (String name : fa.keySet()) {
      assertArrayEquals(fa.get(name), fb.get(name), name);
    }
    assertNotEquals(
        new String(fa.get("studies/synthetic-000001.yaml")),
        new String(files(c).get("studies/synthetic-000001.yaml")));
  }

  @Test
  void refusesToWriteIntoStudiesThatAreThere(@TempDir Path dir) {
    assertEquals(0, CliIT.run("generate", "--studies", "2", "--out", dir.toString()).exit());
    CliIT.Run again = CliIT.run("generate", "--studies", "2", "--out", dir.toString());
    assertEquals(1, again.exit());
    assertTrue(again.err().contains("is not empty"), again.err());
  }
}
