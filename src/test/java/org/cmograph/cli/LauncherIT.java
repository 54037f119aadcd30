package org.cmograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code cmograph} launcher script and its class-data archive: a command works the same whether
 * the archive is missing, stale, truncated or corrupt, and a usable archive is (re)made and used.
 * Runs the real script with {@code sh} in a copy of the checkout that holds only the script and the
 * shaded jar (nothing newer than the jar, so the launcher does not build).
 */
class LauncherIT {
  record Run(int exit, String out, String err) {}

  /**
   * Each case that makes the archive again runs a warm-up (most of this class's time), so the
   * truncated case runs in a second checkout, on a copy of the first archive, while the first
   * checkout goes through the stale, corrupt and invalid cases.
   */
  @Test
  void commandsWorkWithTheArchiveMissingStaleTruncatedOrCorrupt(@TempDir Path tmp)
      throws Exception {
    Path root = checkout(tmp);
    Path jar = root.resolve("target/cmograph-0.1.0-all.jar");
    Path archive = root.resolve("target/cmograph-0.1.0-all.jsa");
    Path size = root.resolve("target/cmograph-0.1.0-all.jsa.size");
    String version = versionLine(root);

    // Missing: made by the warm-up run, then the command runs as usual.
    Run first = launch(root, tmp, "--version");
    assertEquals(0, first.exit(), first.err());
    assertEquals(version, first.out());
    assertTrue(Files.size(archive) > 1_000_000, "archive made");
    assertEquals(Long.toString(Files.size(archive)), Files.readString(size).strip());
    Logged quiet = launchLogged(root, tmp, "--version");
    assertEquals(new Run(0, version, ""), quiet.run(), "nothing printed besides the output");
    assertTrue(quiet.usedArchive(), "the next run maps classes from the archive");
    try (Stream<Path> files = Files.list(root.resolve("target"))) {
      assertEquals(
          List.of(
              "cmograph-0.1.0-all.jar", "cmograph-0.1.0-all.jsa", "cmograph-0.1.0-all.jsa.size"),
          files.map(p -> p.getFileName().toString()).sorted().toList(),
          "no temporary files left");
    }

    // Truncated (the JVM would crash mapping it): not used, made again (and then used).
    Path other = Files.createDirectories(tmp.resolve("other"));
    Path otherRoot = checkout(other);
    Path otherArchive = otherRoot.resolve("target/cmograph-0.1.0-all.jsa");
    Path otherSize = otherRoot.resolve("target/cmograph-0.1.0-all.jsa.size");
    Files.copy(archive, otherArchive);
    Files.copy(size, otherSize);
    truncate(otherArchive, 4096);
    // Only its size is wrong: it is newer than the jar, as the first archive was.
    Files.setLastModifiedTime(
        otherRoot.resolve("target/cmograph-0.1.0-all.jar"),
        FileTime.from(Instant.now().minusSeconds(60)));
    Files.setLastModifiedTime(otherArchive, FileTime.from(Instant.now()));
    CompletableFuture<Logged> truncated =
        CompletableFuture.supplyAsync(() -> launchLogged(otherRoot, other, "--version"));

    // Stale (jar newer than the archive): made again for the new jar.
    Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(3600)));
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
    Logged stale = launchLogged(root, tmp, "--version");
    assertEquals(0, stale.run().exit(), stale.run().err());
    assertEquals(version, stale.run().out());
    assertTrue(
        Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0, "remade");
    assertTrue(stale.usedArchive());

    // Corrupt in the middle (same size): the checksum refuses it, the jar is used, silently.
    corrupt(archive);
    Logged corrupt = launchLogged(root, tmp, "--version");
    assertEquals(new Run(0, version, ""), corrupt.run());
    assertFalse(corrupt.usedArchive(), "a corrupt archive is not mapped");

    // Not an archive of this JVM and jar (here: no valid header) falls back silently too.
    Files.delete(archive);
    Files.write(
        archive, "not a class-data archive\n".repeat(4096).getBytes(StandardCharsets.US_ASCII));
    Files.writeString(size, Files.size(archive) + "\n");
    Logged invalid = launchLogged(root, tmp, "--version");
    assertEquals(new Run(0, version, ""), invalid.run());
    assertFalse(invalid.usedArchive());

    Logged remade = truncated.get(10, TimeUnit.MINUTES);
    assertEquals(0, remade.run().exit(), remade.run().err());
    assertEquals(version, remade.run().out());
    assertTrue(Files.size(otherArchive) > 4096, "made again");
    assertEquals(Long.toString(Files.size(otherArchive)), Files.readString(otherSize).strip());
    assertTrue(remade.usedArchive());
  }

  @Test
  void cdsOffMakesNoArchive(@TempDir Path tmp) throws Exception {
    Path root = checkout(tmp);
    Run run = launch(root, tmp, List.of("CMOGRAPH_CDS=off"), "--version");
    assertEquals(new Run(0, versionLine(root), ""), run);
    assertFalse(Files.exists(root.resolve("target/cmograph-0.1.0-all.jsa")));
  }

  @Test
  void aFailedWarmUpIsNotRetriedUntilTheJarChanges(@TempDir Path tmp) throws Exception {
    Path root = checkout(tmp);
    // A 'java' on PATH that fails archive-making runs and runs everything else.
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path java = bin.resolve("java");
    Files.writeString(
        java,
        "#!/bin/sh\ncase \"$*\" in *ArchiveClassesAtExit*) exit 1;; esac\nexec '"
            + Path.of(System.getProperty("java.home"), "bin", "java")
            + "' \"$@\"\n");
    assertTrue(java.toFile().setExecutable(true));
    List<String> env = List.of("PATH=" + bin + File.pathSeparator + System.getenv("PATH"));
    String version = versionLine(root);

    Run failed = launch(root, tmp, env, "--version");
    assertEquals(0, failed.exit(), failed.err());
    assertEquals(version, failed.out());
    assertTrue(failed.err().contains("preparing faster start-up"), failed.err());
    assertFalse(Files.exists(root.resolve("target/cmograph-0.1.0-all.jsa")));
    assertEquals(new Run(0, version, ""), launch(root, tmp, env, "--version"), "not retried");

    Files.setLastModifiedTime(
        root.resolve("target/cmograph-0.1.0-all.jsa.failed"),
        FileTime.from(Instant.now().minusSeconds(3600)));
    Files.setLastModifiedTime(
        root.resolve("target/cmograph-0.1.0-all.jar"),
        FileTime.from(Instant.now().minusSeconds(60)));
    Run retried = launch(root, tmp, env, "--version");
    assertTrue(retried.err().contains("preparing faster start-up"), "a new jar is tried again");
    assertEquals(version, retried.out());
  }

  /**
   * Commands that end in a second or two (a query, a summary of chosen mechanisms or theory CMOCs
   * printed as one document) run with the JIT's quick tier only; everything else keeps both, and
   * CMOGRAPH_JAVA_OPTS, passed after, can override. A 'java' on PATH records its arguments.
   */
  @Test
  void shortCommandsRunWithTheQuickJitTierOnly(@TempDir Path tmp) throws Exception {
    // The 'java' below runs nothing: an empty file stands in for the jar (no 60 MB copy).
    Path root = checkout(tmp, false);
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path log = tmp.resolve("java-args.txt");
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho \"$*\" >> '" + log + "'\n");
    assertTrue(java.toFile().setExecutable(true));
    List<String> env =
        List.of("PATH=" + bin + File.pathSeparator + System.getenv("PATH"), "CMOGRAPH_CDS=off");
    java.util.function.Function<String[], String> argsOf =
        args -> {
          try {
            Files.deleteIfExists(log);
            assertEquals(0, launch(root, tmp, env, args).exit());
            return Files.readString(log);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        };
    String quick = "-XX:TieredStopAtLevel=1";
    assertTrue(argsOf.apply(new String[] {"query", "studies"}).contains(quick));
    assertTrue(argsOf.apply(new String[] {"--verbose", "query", "studies"}).contains(quick));
    assertTrue(argsOf.apply(new String[] {"summary", "--mechanism", "hope"}).contains(quick));
    assertTrue(
        argsOf
            .apply(new String[] {"summary", "--theory-cmoc=T1", "--format", "html"})
            .contains(quick));
    assertFalse(
        argsOf
            .apply(new String[] {"summary", "--mechanism", "hope", "--out", "x"})
            .contains(quick));
    assertFalse(argsOf.apply(new String[] {"summary"}).contains(quick), "every mechanism: long");
    assertFalse(argsOf.apply(new String[] {"serve"}).contains(quick));
    assertFalse(
        argsOf.apply(new String[] {"load", "query"}).contains(quick), "a folder named query");
    assertFalse(argsOf.apply(new String[] {"--version"}).contains(quick));
    // Short commands ignore System.gc() (the full collection TDB2 asks for when a store closes);
    // the long ones, serve above all (which may reopen a store), keep it.
    String noGc = "-XX:+DisableExplicitGC";
    assertTrue(argsOf.apply(new String[] {"summary", "--mechanism", "hope"}).contains(noGc));
    assertTrue(argsOf.apply(new String[] {"query", "studies"}).contains(noGc));
    assertFalse(argsOf.apply(new String[] {"serve"}).contains(noGc));
    assertFalse(argsOf.apply(new String[] {"summary"}).contains(noGc));
    // serve compiles ARQ's SPARQL tokenizer, a method over the JIT's size limit; no one else does.
    String huge = "-XX:-DontCompileHugeMethods";
    assertTrue(argsOf.apply(new String[] {"serve"}).contains(huge));
    assertTrue(argsOf.apply(new String[] {"--verbose", "serve", "--port", "1"}).contains(huge));
    assertFalse(argsOf.apply(new String[] {"query", "studies"}).contains(huge));
    assertFalse(
        argsOf.apply(new String[] {"load", "serve"}).contains(huge), "a folder named serve");
    // The user's options come after the launcher's, so theirs win.
    Files.deleteIfExists(log);
    List<String> user = new ArrayList<>(env);
    user.add("CMOGRAPH_JAVA_OPTS=-XX:TieredStopAtLevel=4");
    assertEquals(0, launch(root, tmp, user, "query", "studies").exit());
    String args = Files.readString(log);
    assertTrue(args.indexOf(quick) < args.indexOf("-XX:TieredStopAtLevel=4"), args);
  }

  /** A folder with the launcher and the shaded jar of this build. */
  private static Path checkout(Path tmp) throws IOException {
    return checkout(tmp, true);
  }

  /** A folder with the launcher and the shaded jar of this build, or an empty file in its place. */
  private static Path checkout(Path tmp, boolean realJar) throws IOException {
    Path built = shadedJar();
    Path root = Files.createDirectories(tmp.resolve("checkout"));
    Files.createDirectories(root.resolve("target"));
    Files.copy(Repo.root().resolve("cmograph"), root.resolve("cmograph"));
    Path jar = root.resolve("target/cmograph-0.1.0-all.jar");
    if (realJar) {
      Files.copy(built, jar);
    } else {
      Files.createFile(jar);
    }
    return root;
  }

  /** The shaded jar beside the classes under test (packaged before integration tests run). */
  private static Path shadedJar() throws IOException {
    Path classes;
    try {
      classes =
          Path.of(
              CmographCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IOException(e);
    }
    try (Stream<Path> files = Files.list(classes.getParent())) {
      List<Path> jars =
          files.filter(p -> p.getFileName().toString().matches("cmograph-.*-all\\.jar")).toList();
      assumeTrue(jars.size() == 1, "the shaded jar is built by 'package' (run with ./mvnw verify)");
      return jars.get(0);
    }
  }

  /** What {@code cmograph --version} prints (without the archive); one run for the whole class. */
  private static synchronized String versionLine(Path root) {
    if (version == null) {
      Run run = launch(root, root, List.of("CMOGRAPH_CDS=off"), "--version");
      assertEquals(0, run.exit(), run.err());
      assertTrue(run.out().startsWith("cmograph "), run.out());
      version = run.out();
    }
    return version;
  }

  private static String version;

  /** A launcher run, and whether its JVM mapped classes from the archive. */
  record Logged(Run run, boolean usedArchive) {}

  /**
   * Runs the launcher with the command's JVM writing its class-loading log to a file (not to the
   * output, which stays the command's own), so one run shows both what the user sees and whether
   * the archive was used.
   */
  private static Logged launchLogged(Path root, Path tmp, String... args) {
    Path log = tmp.resolve("class-load.log");
    try {
      Files.deleteIfExists(log);
      Run run =
          launch(root, tmp, List.of("CMOGRAPH_JAVA_OPTS=-Xlog:class+load=info:file=" + log), args);
      String loaded = Files.exists(log) ? Files.readString(log) : "";
      return new Logged(run, loaded.contains("source: shared objects file (top)"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void corrupt(Path archive) throws IOException {
    archive.toFile().setWritable(true);
    try (RandomAccessFile f = new RandomAccessFile(archive.toFile(), "rw")) {
      f.seek(f.length() / 2);
      f.write("corrupt".repeat(64).getBytes(StandardCharsets.US_ASCII));
    }
  }

  private static void truncate(Path archive, long length) throws IOException {
    archive.toFile().setWritable(true);
    try (RandomAccessFile f = new RandomAccessFile(archive.toFile(), "rw")) {
      f.setLength(length);
    }
  }

  private static Run launch(Path root, Path tmp, String... args) {
    return launch(root, tmp, List.of(), args);
  }

  private static Run launch(Path root, Path tmp, List<String> env, String... args) {
    List<String> command = new ArrayList<>(List.of("sh", root.resolve("cmograph").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().remove("CMOGRAPH_JAVA_OPTS");
    pb.environment().remove("CMOGRAPH_CDS");
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    // The launcher runs 'java' from PATH: the one running this test.
    pb.environment()
        .put(
            "PATH",
            Path.of(System.getProperty("java.home"), "bin")
                + File.pathSeparator
                + System.getenv("PATH"));
    pb.environment().put("TMPDIR", tmp.toString());
    for (String e : env) {
      int eq = e.indexOf('=');
      pb.environment().put(e.substring(0, eq), e.substring(eq + 1));
    }
    try {
      Path out = Files.createTempFile(tmp, "out", ".txt");
      Path err = Files.createTempFile(tmp, "err", ".txt");
      Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("launcher did not finish: " + command);
      }
      Run run = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
      Files.delete(out);
      Files.delete(err);
      return run;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
