package org.cmograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Each command failure code has its entry in docs/errors.md, and error lines link to it. */
class ErrorCodeTest {
  @Test
  void everyCodeHasItsHeadingAndAnchor() throws IOException {
    String doc = Files.readString(Repo.root().resolve(ErrorCode.PAGE));
    List<String> anchors = new ArrayList<>();
    Matcher h = Pattern.compile("^## (.+)$", Pattern.MULTILINE).matcher(doc);
    while (h.find()) {
      anchors.add(githubAnchor(h.group(1)));
    }
    List<String> missing = new ArrayList<>();
    for (ErrorCode code : ErrorCode.values()) {
      if (!doc.contains("\n## " + code.heading + "\n") || !anchors.contains(code.anchor())) {
        missing.add(code.heading);
      }
    }
    assertEquals(List.of(), missing, "codes without a '## CODE' entry in docs/errors.md");
  }

  /** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
  static String githubAnchor(String heading) {
    return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
  }

  @Test
  void aUsageErrorLinksToItsEntryAndExitsTwo() {
    StringWriter err = new StringWriter();
    CommandLine cli = CmographCommand.commandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    assertEquals(
        2, cli.execute("query", "--store", "a", "--endpoint", "http://127.0.0.1:9/x", "q"));
    String first = err.toString().lines().findFirst().orElse("");
    assertEquals(
        "error: give --store or --endpoint, not both (see docs/errors.md#usage)",
        first,
        err.toString());
    assertTrue(err.toString().contains("Usage: cmograph query"), err.toString());
  }

  @Test
  void aFailureLinksToItsEntry() {
    StringWriter err = new StringWriter();
    CommandLine cli = CmographCommand.commandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    int exit = cli.execute("restore", "/nonexistent/backup.nq.gz", "--store", "/nonexistent/store");
    assertEquals(1, exit, err.toString());
    assertEquals(
        "error: no such file: /nonexistent/backup.nq.gz (see docs/errors.md#not-found)",
        err.toString().strip());
  }
}
