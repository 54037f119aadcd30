package org.cmograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.cmograph.endpoint.EndpointServer;
import org.cmograph.endpoint.ServerSettings;
import org.cmograph.store.CmoStore;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line against a hostile environment (issue 18, item 8): credentials written into an
 * endpoint URL are never printed; a symbolic link out of the data folder is refused without a word
 * of its target; a file name with a line break or an escape sequence cannot break the one-line
 * {@code FILE:LINE:COL} format; a password file that is a device or a pipe is refused at once. (The
 * summaries' temporary folder removed on SIGTERM is in {@link ServeCommandIT}.)
 */
class CommandLineHardeningIT {
  static final String STUDY = Repo.data().resolve("studies/gillard-2014.yaml").toString();
  static final String SOURCES = Repo.data().resolve("sources").toString();

  static String all(CliIT.Run r) {
    return r.out() + r.err();
  }

  @Test
  void credentialsInAnEndpointUrlAreNeverPrinted(@TempDir Path tmp) {
    try (CmoStore store = CmoStore.inMemory();
        EndpointServer server =
            EndpointServer.start(
                store.dataset(),
                ServerSettings.defaults()
                    .withPort(0)
                    .withUpdateUser(new ServerSettings.Credentials("curator", "s3cret-Words")),
                List::of)) {
      String withWrongPassword =
          server.graphStoreWriteUrl().replace("http://", "http://curator:wrong-Guess@");
      CliIT.Run denied = CliIT.run("load", STUDY, "--endpoint", withWrongPassword);
      assertEquals(1, denied.exit(), all(denied));
      assertTrue(denied.err().contains("HTTP 401"), denied.err());
      assertTrue(denied.err().contains("http://***@localhost:"), denied.err());
      assertTrue(denied.err().contains("prefer --user and --password-file"), denied.err());
      assertFalse(all(denied).contains("wrong-Guess"), all(denied));

      // Whatever the HTTP library does with them, they appear in no output: text or JSON.
      String withPassword =
          server.graphStoreWriteUrl().replace("http://", "http://curator:s3cret-Words@");
      for (List<String> extra : List.of(List.<String>of(), List.of("--json"))) {
        List<String> args =
            new java.util.ArrayList<>(List.of("load", STUDY, "--endpoint", withPassword));
        args.addAll(extra);
        CliIT.Run r = CliIT.run(args.toArray(String[]::new));
        assertFalse(all(r).contains("s3cret-Words"), all(r));
        assertFalse(all(r).contains("curator:"), all(r));
        assertTrue(all(r).contains("***@localhost:"), all(r));
      }
    }
    // Messages quoting the URL from a library's exception, with --verbose's stack trace too.
    String unreachable = "http://reviewer:hunter2@127.0.0.1:1/ds";
    for (String[] args :
        new String[][] {
          {"load", STUDY, "--endpoint", unreachable + "/data", "--verbose"},
          {"load", STUDY, "--endpoint", unreachable + "/data", "--json"},
          {"load", STUDY, "--endpoint", "ftp://reviewer:hunter2@127.0.0.1/x"},
          {"query", "chains", "--endpoint", unreachable + "/sparql"},
          {
            "backup", "--endpoint", unreachable + "/get", "--out", tmp.resolve("b.nq.gz").toString()
          },
        }) {
      CliIT.Run r = CliIT.run(args);
      assertTrue(r.exit() != 0, String.join(" ", args) + "\n" + all(r));
      assertFalse(all(r).contains("hunter2"), String.join(" ", args) + "\n" + all(r));
    }
  }

  @Test
  void aLinkOutOfTheDataFolderIsRefusedWithoutShowingItsTarget(@TempDir Path tmp)
      throws IOException {
    Path outside = Files.createDirectories(tmp.resolve("home/.ssh"));
    Path key =
        Files.writeString(
            outside.resolve("id_ed25519.pub"), "ssh-ed25519 AAAAC3NzaSECRETKEY me@host\n");
    Path studies = Files.createDirectories(tmp.resolve("project/data/studies"));
    Files.createSymbolicLink(studies.resolve("key.yaml"), key);
    Files.createSymbolicLink(studies.resolve("keys"), outside);
    // A link that stays inside the folder is read as before.
    Path drafts = Files.createDirectories(studies.resolve(".drafts"));
    Files.copy(Path.of(STUDY), drafts.resolve("gillard-2014.yaml"));
    Files.createSymbolicLink(
        studies.resolve("gillard-2014.yaml"), Path.of(".drafts/gillard-2014.yaml"));

    // The target, read, would be quoted: that is what the refusal keeps out of the output.
    CliIT.Run direct = CliIT.run("validate", key.toString());
    assertTrue(
        direct.out().contains("SECRETKEY") || direct.err().contains("SECRETKEY"), all(direct));

    for (String command : List.of("validate", "load")) {
      List<String> args =
          new java.util.ArrayList<>(List.of(command, studies.toString(), "--sources", SOURCES));
      if (command.equals("load")) {
        args.addAll(List.of("--store", tmp.resolve("store").toString()));
      }
      CliIT.Run r = CliIT.run(args.toArray(String[]::new));
      assertEquals(1, r.exit(), all(r));
      assertFalse(all(r).contains("SECRETKEY"), all(r));
      assertFalse(all(r).contains(".ssh"), all(r));
      assertTrue(
          all(r).lines().anyMatch(l -> l.matches(".*studies/key\\.yaml:1:1: SYMLINK-OUTSIDE .*")),
          all(r));
      assertTrue(
          all(r).lines().anyMatch(l -> l.matches(".*studies/keys:1:1: SYMLINK-OUTSIDE .*")),
          all(r));
      assertFalse(all(r).contains("gillard-2014.yaml:"), "the inside link is valid\n" + all(r));
    }
    Files.delete(studies.resolve("key.yaml"));
    Files.delete(studies.resolve("keys"));
    CliIT.Run ok =
        CliIT.run(
            "load",
            studies.toString(),
            "--sources",
            SOURCES,
            "--store",
            tmp.resolve("store").toString());
    assertEquals(0, ok.exit(), all(ok));
    assertTrue(ok.out().startsWith("loaded 1 study"), ok.out());
  }

  static final Pattern ONE_PROBLEM =
      Pattern.compile("^[^\\p{Cntrl}]+:\\d+:\\d+: [A-Z0-9-]+ [^\\p{Cntrl}]*$");

  @Test
  void aControlCharacterInAFileNameCannotBreakTheOneLineFormat(@TempDir Path tmp)
      throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("studies"));
    String forged = "x.yaml:1:1: OK all good\nreal";
    Files.writeString(folder.resolve(forged + "\u001B[2J.yaml"), "study: [\n");
    Files.writeString(folder.resolve("plain name.yaml"), "study: [\n");
    CliIT.Run r = CliIT.run("validate", folder.toString());
    assertEquals(1, r.exit(), all(r));
    List<String> problems = all(r).lines().filter(l -> l.contains(": YAML-SYNTAX ")).toList();
    assertEquals(2, problems.size(), all(r));
    for (String line : problems) {
      assertTrue(ONE_PROBLEM.matcher(line).matches(), line);
    }
    assertTrue(
        problems
            .get(1)
            .contains("studies/x.yaml:1:1: OK all good\\nreal\\x1B[2J.yaml:2:1: YAML-SYNTAX "),
        problems.get(1));
    assertTrue(problems.get(0).contains("studies/plain name.yaml:2:1: YAML-SYNTAX "), "unchanged");
    assertFalse(all(r).contains("\u001B"), all(r));
    assertFalse(all(r).lines().anyMatch(l -> l.startsWith("real")), all(r));
  }

  @Test
  void aPasswordFileThatIsADevicePipeOrHugeIsRefusedAtOnce(@TempDir Path tmp) throws Exception {
    Path fifo = tmp.resolve("password-pipe");
    Assumptions.assumeTrue(
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "no mkfifo here");
    Path huge = tmp.resolve("huge");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(64L * 1024 * 1024); // sparse: 64 MiB of zeros, no disk used
    }
    String zero = Path.of("/dev/zero").toString();
    for (String file : List.of(zero, fifo.toString(), huge.toString(), tmp.toString())) {
      for (List<String> args :
          List.of(
              List.of(
                  "load",
                  STUDY,
                  "--endpoint",
                  "http://127.0.0.1:1/ds/data",
                  "--user",
                  "u",
                  "--password-file",
                  file),
              List.of(
                  "serve",
                  "--store",
                  tmp.resolve("s").toString(),
                  "--port",
                  "0",
                  "--update-user",
                  "u",
                  "--password-file",
                  file))) {
        CliIT.Run r =
            assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> CliIT.run(args.toArray(String[]::new)),
                String.join(" ", args));
        assertEquals(1, r.exit(), all(r));
        assertTrue(r.err().startsWith("error: password file " + file), r.err());
        assertTrue(
            r.err().contains("is not a regular file")
                || r.err().contains("is larger than 4096 bytes"),
            r.err());
        assertFalse(r.out().contains("cmograph serves"), "refused before the store opens");
      }
    }
    // A file name quoted in an error message is escaped there too.
    CliIT.Run named =
        CliIT.run(
            "load",
            STUDY,
            "--endpoint",
            "http://127.0.0.1:1/ds/data",
            "--user",
            "u",
            "--password-file",
            tmp.resolve("pw\nerror: forged").toString());
    assertEquals(1, named.exit(), all(named));
    assertEquals(1, named.err().lines().count(), named.err());
    assertTrue(named.err().contains("pw\\nerror: forged: no such file"), named.err());
    // An ordinary password file still works; its first line is the password.
    Path good = Files.writeString(tmp.resolve("good"), "  s3cret \nsecond line\n");
    assertEquals("s3cret", PasswordFile.read(good));
  }
}
