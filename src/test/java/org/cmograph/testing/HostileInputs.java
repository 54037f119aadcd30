package org.cmograph.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Bad inputs that are generated rather than committed: too big (a 50 MB scalar), too deep (10,000
 * levels), not text (binary, invalid UTF-8, UTF-16), invisible (raw control characters, a
 * non-breaking space as indentation) or not a file at all (a symbolic link loop, a link out of the
 * folder, a pipe), or named with control characters. Each is written at test time into a temporary
 * folder; its expected problems live in {@code extraction/hostile/NAME.problems.txt}, paths
 * relative to that folder.
 */
public final class HostileInputs {
  private HostileInputs() {}

  /** Writes one input under a folder and returns the path to validate (a file or a folder). */
  @FunctionalInterface
  public interface Writer {
    Path write(Path dir) throws IOException;
  }

  /** One generated bad input. */
  public record Case(String name, Writer writer) {
    public Path writeUnder(Path dir) {
      try {
        return writer.write(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** The golden problems of each case. */
  public static Path goldenDir() {
    return Repo.testResources().resolve("extraction/hostile");
  }

  /** The source texts the quotes of the minimal extraction come from. */
  public static Path sources() {
    return Repo.testResources().resolve("extraction/sources");
  }

  /** The valid minimal extraction, with its study id set to {@code id}. */
  public static String minimal(String id) {
    try {
      String text = Files.readString(Repo.testResources().resolve("extraction/valid/minimal.yaml"));
      return text.replace("  id: minimal\n", "  id: " + id + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path text(Path dir, String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  static Path bytes(Path dir, String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  /** The minimal extraction as bytes, with {@code insert} put in place of {@code marker}. */
  static byte[] minimalWith(String id, String marker, byte[] insert) {
    String text = minimal(id);
    int at = text.indexOf(marker);
    byte[] head = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
    byte[] tail = text.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8);
    byte[] out = Arrays.copyOf(head, head.length + insert.length + tail.length);
    System.arraycopy(insert, 0, out, head.length, insert.length);
    System.arraycopy(tail, 0, out, head.length + insert.length, tail.length);
    return out;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static final String TITLE =
      "Developing a change model for peer worker interventions in mental health services";

  public static List<Case> all() {
    List<Case> cases = new ArrayList<>();
    cases.add(
        new Case(
            "scalar-50mb",
            dir -> {
              // Streamed to disk: the test itself never holds 50 MB.
              Path file = dir.resolve("scalar-50mb.yaml");
              try (OutputStream out = Files.newOutputStream(file)) {
                out.write("study:\n  id: scalar-50mb\n  title: ".getBytes(StandardCharsets.UTF_8));
                byte[] block = new byte[1 << 20];
                Arrays.fill(block, (byte) 'x');
                for (int i = 0; i < 50; i++) {
                  out.write(block);
                }
                out.write('\n');
              }
              return file;
            }));
    cases.add(
        new Case(
            "one-byte-over-the-limit",
            dir -> {
              byte[] content = new byte[1024 * 1024 + 1];
              Arrays.fill(content, (byte) '#');
              return bytes(dir, "one-byte-over-the-limit.yaml", content);
            }));
    cases.add(
        new Case(
            "line-200000-characters",
            dir ->
                text(
                    dir,
                    "line-200000-characters.yaml",
                    minimal("line-200000-characters")
                        .replace("  title: " + TITLE, "  title: " + "long ".repeat(40_000)))));
    cases.add(
        new Case(
            "nesting-10000-flow",
            dir ->
                text(
                    dir,
                    "nesting-10000-flow.yaml",
                    "study:\n  title: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n")));
    cases.add(
        new Case(
            "nesting-10000-block",
            dir ->
                text(dir, "nesting-10000-block.yaml", "study:\n" + "- ".repeat(10_000) + "x\n")));
    cases.add(
        new Case(
            "nesting-10000-mapping",
            dir ->
                text(
                    dir,
                    "nesting-10000-mapping.yaml",
                    "study: " + "{a: ".repeat(10_000) + "1" + "}".repeat(10_000) + "\n")));
    cases.add(
        new Case(
            "nesting-10000-json",
            dir ->
                text(
                    dir,
                    "nesting-10000-json.json",
                    "{\"study\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}\n")));
    cases.add(
        new Case(
            "alias-bomb-30-levels",
            dir -> {
              // 30 levels of 30 aliases: 30^30 strings if a parser expanded it.
              StringBuilder s = new StringBuilder("l0: &l0 [lol, lol]\n");
              for (int level = 1; level < 30; level++) {
                String alias = "*l" + (level - 1);
                s.append("l").append(level).append(": &l").append(level).append(" [");
                s.append(String.join(", ", java.util.Collections.nCopies(30, alias)));
                s.append("]\n");
              }
              return text(dir, "alias-bomb-30-levels.yaml", s + minimal("alias-bomb-30-levels"));
            }));
    cases.add(
        new Case(
            "invalid-utf8-latin1",
            dir ->
                bytes(
                    dir,
                    "invalid-utf8-latin1.yaml",
                    minimal("invalid-utf8-latin1")
                        .replace("  title: Developing", "  title: D\u00e9veloppement of")
                        .getBytes(StandardCharsets.ISO_8859_1))));
    cases.add(
        new Case(
            "invalid-utf8-overlong",
            dir ->
                bytes(
                    dir,
                    "invalid-utf8-overlong.yaml",
                    minimalWith(
                        "invalid-utf8-overlong",
                        "Abstract, Results",
                        new byte[] {'A', 'b', (byte) 0xC0, (byte) 0xAF, 's'}))));
    cases.add(
        new Case(
            "invalid-utf8-truncated-at-end",
            dir ->
                bytes(
                    dir,
                    "invalid-utf8-truncated-at-end.yaml",
                    concat(
                        minimal("invalid-utf8-truncated-at-end").getBytes(StandardCharsets.UTF_8),
                        new byte[] {'#', ' ', (byte) 0xE2, (byte) 0x82}))));
    cases.add(
        new Case(
            "utf16-with-bom",
            dir ->
                bytes(
                    dir,
                    "utf16-with-bom.yaml",
                    minimal("utf16-with-bom").getBytes(StandardCharsets.UTF_16))));
    cases.add(
        new Case(
            "utf16-without-bom",
            dir ->
                bytes(
                    dir,
                    "utf16-without-bom.yaml",
                    minimal("utf16-without-bom").getBytes(StandardCharsets.UTF_16LE))));
    cases.add(
        new Case(
            "binary-png",
            dir -> {
              byte[] png = new byte[4096];
              new Random(6).nextBytes(png);
              byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
              System.arraycopy(header, 0, png, 0, header.length);
              return bytes(dir, "binary-png.yaml", png);
            }));
    cases.add(
        new Case(
            "binary-without-nul",
            dir -> {
              byte[] noise = new byte[4096];
              new Random(7).nextBytes(noise);
              for (int i = 0; i < noise.length; i++) {
                noise[i] = noise[i] == 0 ? (byte) 0xFF : noise[i];
              }
              return bytes(dir, "binary-without-nul.yaml", noise);
            }));
    cases.add(
        new Case(
            "nul-in-a-quote",
            dir ->
                bytes(
                    dir,
                    "nul-in-a-quote.yaml",
                    minimalWith(
                        "nul-in-a-quote", "Abstract, Results", new byte[] {'A', 'b', 0, 's'}))));
    cases.add(
        new Case(
            "control-character-raw",
            dir ->
                text(
                    dir,
                    "control-character-raw.yaml",
                    minimal("control-character-raw")
                        .replace("Key change mechanisms", "Key change\u0007 mechanisms"))));
    cases.add(
        new Case(
            "control-character-c1",
            dir ->
                text(
                    dir,
                    "control-character-c1.yaml",
                    minimal("control-character-c1")
                        .replace(
                            "location: Abstract, Results", "location: Abstract\u0093, Results"))));
    cases.add(
        new Case(
            "escape-character-raw",
            dir ->
                text(
                    dir,
                    "escape-character-raw.yaml",
                    minimal("escape-character-raw")
                        .replace("  journal: Epidemiology", "  journal: \u001b[31mEpidemiology"))));
    cases.add(
        new Case(
            "nbsp-indentation",
            dir ->
                text(
                    dir,
                    "nbsp-indentation.yaml",
                    minimal("nbsp-indentation")
                        .replace("\n  year: 2015", "\n\u00a0\u00a0year: 2015"))));
    cases.add(
        new Case(
            "zero-width-space-in-key",
            dir ->
                text(
                    dir,
                    "zero-width-space-in-key.yaml",
                    minimal("zero-width-space-in-key").replace("  journal:", "  jour\u200bnal:"))));
    cases.add(
        new Case(
            "crlf-with-unknown-key",
            dir ->
                text(
                    dir,
                    "crlf-with-unknown-key.yaml",
                    minimal("crlf-with-unknown-key")
                        .replace("  setting:", "  settting:")
                        .replace("\n", "\r\n"))));
    cases.add(
        new Case(
            "cr-only-with-unknown-key",
            dir ->
                text(
                    dir,
                    "cr-only-with-unknown-key.yaml",
                    minimal("cr-only-with-unknown-key")
                        .replace("  setting:", "  settting:")
                        .replace("\n", "\r"))));
    cases.add(
        new Case(
            "duplicate-keys-after-20000-items",
            dir -> {
              // A long list, then 999 repeats of one key: quadratic if each repeat copied the
              // positions recorded so far.
              StringBuilder s = new StringBuilder("format: 2\nstudy:\n  authors:\n");
              s.append("    - a\n".repeat(20_000));
              s.append("  k0: v\n".repeat(999));
              return text(dir, "duplicate-keys-after-20000-items.yaml", s.toString());
            }));
    cases.add(
        new Case(
            "duplicate-keys-50000",
            dir ->
                text(dir, "duplicate-keys-50000.yaml", "study:\n" + "  k0: v\n".repeat(50_000))));
    cases.add(
        new Case(
            "unknown-keys-50000",
            dir -> {
              StringBuilder s = new StringBuilder(minimal("unknown-keys-50000"));
              for (int i = 0; i < 50_000; i++) {
                s.append("x").append(i).append(": v\n");
              }
              return text(dir, "unknown-keys-50000.yaml", s.toString());
            }));
    cases.add(
        new Case(
            "evidence-1000-bad-items",
            dir -> {
              StringBuilder s = new StringBuilder(minimal("evidence-1000-bad-items"));
              int at = s.indexOf("extraction:\n");
              StringBuilder items = new StringBuilder();
              for (int i = 0; i < 1000; i++) {
                items.append("  - id: bad-").append(i).append("\n    cmocs: [trust]\n");
              }
              s.insert(s.indexOf("\n", s.indexOf("    stance: refines")) + 1, items);
              return text(dir, "evidence-1000-bad-items.yaml", s.toString());
            }));
    cases.add(new Case("empty-0-bytes", dir -> bytes(dir, "empty-0-bytes.yaml", new byte[0])));
    cases.add(new Case("whitespace-only", dir -> text(dir, "whitespace-only.yaml", "\n  \n\t\n")));
    cases.add(new Case("bom-only", dir -> text(dir, "bom-only.yaml", "\ufeff")));
    cases.add(
        new Case(
            "json-trailing-comma",
            dir -> text(dir, "json-trailing-comma.json", "{\n  \"study\": {\"id\": \"x\",}\n}\n")));
    cases.add(
        new Case(
            "json-duplicate-key",
            dir ->
                text(
                    dir,
                    "json-duplicate-key.json",
                    "{\n  \"format\": 2,\n  \"study\": {\"id\": \"a\"},\n  \"study\": {\"id\": \"b\"}\n}\n")));
    cases.add(
        new Case(
            "json-raw-control-character",
            dir ->
                text(
                    dir,
                    "json-raw-control-character.json",
                    "{\"study\": {\"title\": \"a\u0001b\"}}\n")));
    cases.add(
        new Case(
            "json-escaped-surrogate",
            dir ->
                text(
                    dir,
                    "json-escaped-surrogate.json",
                    "{\"format\": 2, \"study\": {\"title\": \"a\\ud800b\"}}\n")));
    cases.add(
        new Case("json-two-documents", dir -> text(dir, "json-two-documents.json", "{}\n{}\n")));
    cases.add(
        new Case(
            "json-huge-number",
            dir ->
                text(
                    dir,
                    "json-huge-number.json",
                    "{\"study\": {\"year\": 1" + "0".repeat(5000) + "}}\n")));
    cases.add(
        new Case(
            "duplicate-study-across-files",
            dir -> {
              Path folder = Files.createDirectories(dir.resolve("duplicate-study-across-files"));
              Files.createDirectories(folder.resolve("a"));
              Files.createDirectories(folder.resolve("b"));
              text(folder.resolve("a"), "minimal.yaml", minimal("minimal"));
              text(folder.resolve("b"), "minimal.json", minimalAsJson());
              return folder;
            }));
    cases.add(
        new Case(
            "symlink-loop",
            dir -> {
              Path folder = Files.createDirectories(dir.resolve("symlink-loop"));
              Files.createDirectories(folder.resolve("studies"));
              text(folder.resolve("studies"), "broken.yaml", "study: [\n");
              Files.createSymbolicLink(folder.resolve("studies/again"), folder);
              return folder;
            }));
    cases.add(
        new Case(
            "dangling-symlink",
            dir -> {
              Path folder = Files.createDirectories(dir.resolve("dangling-symlink"));
              Files.createSymbolicLink(folder.resolve("gone.yaml"), Path.of("nowhere.yaml"));
              return folder;
            }));
    cases.add(
        new Case(
            "symlink-outside",
            dir -> {
              // The targets lie outside any folder a test reads (the corpus is also read as one
              // folder), in a temporary folder of their own, removed at exit.
              Path outside = Files.createTempDirectory("cmograph-outside-");
              outside.toFile().deleteOnExit(); // registered first, so deleted last
              // Read, a one-line secret would be quoted whole in a WRONG-TYPE message.
              Path key =
                  text(outside, "id_ed25519", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKEYBYTES\n");
              key.toFile().deleteOnExit();
              Path notes = text(outside, "notes.yaml", "password: hunter2\n");
              notes.toFile().deleteOnExit();
              Path folder = Files.createDirectories(dir.resolve("symlink-outside"));
              Files.createSymbolicLink(folder.resolve("key.yaml"), key);
              Files.createSymbolicLink(folder.resolve("elsewhere"), outside);
              // A link that stays inside the folder is followed and read as before.
              text(Files.createDirectories(folder.resolve(".drafts")), "broken.yaml", "study: [\n");
              Files.createSymbolicLink(
                  folder.resolve("inside.yaml"), Path.of(".drafts/broken.yaml"));
              return folder;
            }));
    cases.add(
        new Case(
            "control-characters-in-file-name",
            dir -> {
              Path folder = Files.createDirectories(dir.resolve("control-characters-in-file-name"));
              text(folder, "two\nlines\u001B[2J.yaml", "study: [\n");
              return folder;
            }));
    cases.add(
        new Case(
            "named-pipe",
            dir -> {
              Path fifo = dir.resolve("named-pipe.yaml");
              try {
                Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
                if (p.waitFor() != 0) {
                  throw new IOException("mkfifo failed");
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
              }
              return fifo;
            }));
    return cases;
  }

  /** The minimal extraction written as JSON, for a file that clashes with a YAML one. */
  static String minimalAsJson() {
    try {
      var yaml =
          new com.fasterxml.jackson.databind.ObjectMapper(
              new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
      var tree = yaml.readTree(minimal("minimal"));
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .writerWithDefaultPrettyPrinter()
          .writeValueAsString(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Case byName(String name) {
    return all().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(name));
  }
}
