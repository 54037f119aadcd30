package org.cmograph.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cmograph.store.CmoStore;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code curl} examples of docs/endpoint.md work as written: each runs, in order, against an
 * endpoint serving the bundled data with the documented update user, and its output is the one the
 * page shows (compared with runs of white space made single).
 */
class EndpointDocIT {
  static final Path DOC = Repo.root().resolve("docs/endpoint.md");
  static final String DOCUMENTED_BASE = "http://localhost:3030/";

  /** A shell command from the page and the output shown after it (null when none is shown). */
  record Example(String command, String expected) {}

  static List<Example> examples() throws IOException {
    List<String> lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);
    List<String[]> blocks = new ArrayList<>(); // {info, body, index of the line after the block}
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("```")) {
        String info = lines.get(i).substring(3).trim();
        StringBuilder body = new StringBuilder();
        int j = i + 1;
        while (j < lines.size() && !lines.get(j).startsWith("```")) {
          body.append(lines.get(j)).append('\n');
          j++;
        }
        blocks.add(new String[] {info, body.toString(), Integer.toString(i), Integer.toString(j)});
        i = j;
      }
    }
    List<Example> examples = new ArrayList<>();
    for (int b = 0; b < blocks.size(); b++) {
      String[] block = blocks.get(b);
      if (!block[0].equals("sh") || !block[1].startsWith("curl ")) {
        continue;
      }
      String expected = null;
      if (b + 1 < blocks.size() && blocks.get(b + 1)[0].equals("text")) {
        int gapFrom = Integer.parseInt(block[3]) + 1;
        int gapTo = Integer.parseInt(blocks.get(b + 1)[2]);
        boolean adjacent = lines.subList(gapFrom, gapTo).stream().allMatch(String::isBlank);
        if (adjacent) {
          expected = blocks.get(b + 1)[1];
        }
      }
      examples.add(new Example(block[1].trim(), expected));
    }
    return examples;
  }

  static String normalised(String s) {
    return s.replace("\r\n", "\n").trim().replaceAll("\\s+", " ");
  }

  @Test
  void everyCurlExampleWorksAsWritten(@TempDir Path tmp) throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl is not installed");
    List<Example> examples = examples();
    assertTrue(examples.size() >= 15, "found the examples: " + examples.size());
    Files.writeString(tmp.resolve("curator.pw"), "change-me\n");
    try (CmoStore store = BundledStore.fresh();
        EndpointServer server =
            EndpointServer.start(
                store.dataset(),
                BundledStore.testSettings()
                    .withUpdateUser(new ServerSettings.Credentials("curator", "change-me")),
                BundledStore.catalogue())) {
      for (Example example : examples) {
        String command = example.command().replace(DOCUMENTED_BASE, server.baseUrl());
        Process p =
            new ProcessBuilder("bash", "-o", "pipefail", "-c", command)
                .directory(tmp.toFile())
                .redirectErrorStream(true)
                .start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + example.command());
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // head(1) may close the pipe early; curl then exits 23, which is not a failure here.
        assertTrue(
            p.exitValue() == 0 || p.exitValue() == 23,
            example.command() + "\nexit " + p.exitValue() + ": " + output);
        assertFalse(output.isBlank(), "no output: " + example.command());
        if (example.expected() != null) {
          assertEquals(normalised(example.expected()), normalised(output), example.command());
        }
      }
    }
  }
}
