package org.cmograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cmograph.testing.Folders;
import org.cmograph.testing.Repo;
import org.cmograph.testing.Snapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Replays docs/extraction-guide.md in a copy of the workspace, so the guide cannot go stale: every
 * {@code $ cmograph ...} line of a {@code console} block is run in-process and its output compared
 * with the lines under it; a code block after {@code <!-- guide: file PATH -->} is written to PATH,
 * a {@code diff} block after {@code <!-- guide: edit PATH -->} applies its {@code -}/{@code +} line
 * pairs, and {@code <!-- guide: fails -->} before a console block expects a non-zero exit.
 * Durations ({@code 812 ms}) and the store's total quad count may differ. With {@code
 * -Dsnapshots.update=true} the guide's outputs are rewritten from the actual ones.
 */
class ExtractionGuideIT {
  static final Path GUIDE = Repo.root().resolve("docs/extraction-guide.md");
  static final Pattern MARKER = Pattern.compile("<!-- guide: (file|edit) (\\S+) -->");
  static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");

  @Test
  void everyCommandOfTheGuideGivesTheOutputItShows(@TempDir Path tmp) throws IOException {
    Path ws = tmp.resolve("cmograph");
    for (String dir : List.of("data", "examples", "ontology", "schema", "queries")) {
      Folders.copyTree(Repo.root().resolve(dir), ws.resolve(dir));
    }
    List<String> lines = Files.readAllLines(GUIDE, StandardCharsets.UTF_8);
    List<String> rewritten = new ArrayList<>();
    List<String> mismatches = new ArrayList<>();
    int commands = 0;
    String previousHome = System.getProperty("cmograph.home");
    System.setProperty("cmograph.home", ws.toString());
    System.setProperty("cmograph.progress", "never");
    try {
      String pendingMarker = null;
      String pendingPath = null;
      boolean expectFailure = false;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        Matcher marker = MARKER.matcher(line.strip());
        if (marker.matches()) {
          pendingMarker = marker.group(1);
          pendingPath = marker.group(2);
          rewritten.add(line);
          continue;
        }
        if (line.strip().equals("<!-- guide: fails -->")) {
          expectFailure = true;
          rewritten.add(line);
          continue;
        }
        Matcher fence = FENCE.matcher(line);
        if (!fence.matches()) {
          rewritten.add(line);
          continue;
        }
        String lang = fence.group(1);
        List<String> body = new ArrayList<>();
        int j = i + 1;
        while (j < lines.size() && !lines.get(j).startsWith("```")) {
          body.add(lines.get(j));
          j++;
        }
        rewritten.add(line);
        if (pendingMarker != null && pendingMarker.equals("file")) {
          Path target = ws.resolve(pendingPath);
          Files.createDirectories(target.getParent());
          Files.writeString(target, String.join("\n", body) + "\n", StandardCharsets.UTF_8);
          rewritten.addAll(body);
        } else if (pendingMarker != null && pendingMarker.equals("edit")) {
          Path target = ws.resolve(pendingPath);
          String text = Files.readString(target, StandardCharsets.UTF_8);
          for (int k = 0; k + 1 < body.size(); k += 2) {
            String from = body.get(k).substring(1);
            String to = body.get(k + 1).substring(1);
            assertTrue(
                body.get(k).startsWith("-") && body.get(k + 1).startsWith("+"),
                "edit blocks pair - and + lines: " + body);
            assertTrue(
                text.contains(from + "\n"),
                "guide line " + (i + 1) + ": the file has no line '" + from + "'");
            text =
                text.replaceFirst(Pattern.quote(from + "\n"), Matcher.quoteReplacement(to + "\n"));
          }
          Files.writeString(target, text, StandardCharsets.UTF_8);
          rewritten.addAll(body);
        } else if (lang.equals("console")) {
          List<String> actualBlock = new ArrayList<>();
          int k = 0;
          while (k < body.size()) {
            String command = body.get(k);
            if (!command.startsWith("$ ")) {
              k++;
              continue;
            }
            StringBuilder full = new StringBuilder(command.substring(2));
            List<String> commandLines = new ArrayList<>(List.of(command));
            while (full.toString().endsWith("\\") && k + 1 < body.size()) {
              full.setLength(full.length() - 1);
              k++;
              full.append(' ').append(body.get(k).strip());
              commandLines.add(body.get(k));
            }
            k++;
            List<String> expected = new ArrayList<>();
            while (k < body.size() && !body.get(k).startsWith("$ ")) {
              expected.add(body.get(k));
              k++;
            }
            Result r = run(full.toString(), ws);
            commands++;
            String shownActual = r.output().replace(ws + "/", "").replace(ws.toString(), ".");
            if (expectFailure == (r.exit() == 0)) {
              mismatches.add(
                  "guide: `"
                      + full
                      + "` exited "
                      + r.exit()
                      + (expectFailure ? ", expected a failure" : "")
                      + "\n"
                      + shownActual);
            }
            String want = normalise(String.join("\n", expected));
            String got = normalise(shownActual);
            if (!want.equals(got)) {
              mismatches.add(
                  "guide: `"
                      + full
                      + "` printed\n"
                      + got
                      + "\n--- where the guide shows ---\n"
                      + want);
            }
            actualBlock.addAll(commandLines);
            actualBlock.addAll(
                shownActual.isEmpty()
                    ? List.of()
                    : List.of(shownActual.stripTrailing().split("\n", -1)));
          }
          rewritten.addAll(actualBlock);
          expectFailure = false;
        } else {
          rewritten.addAll(body);
        }
        if (j < lines.size()) {
          rewritten.add(lines.get(j));
        }
        pendingMarker = null;
        i = j;
      }
    } finally {
      if (previousHome == null) {
        System.clearProperty("cmograph.home");
      } else {
        System.setProperty("cmograph.home", previousHome);
      }
      System.clearProperty("cmograph.progress");
    }
    assertTrue(commands >= 10, "the guide replays its commands: " + commands);
    if (Snapshots.updating()) {
      Files.writeString(GUIDE, String.join("\n", rewritten) + "\n", StandardCharsets.UTF_8);
      return;
    }
    assertEquals(
        List.of(),
        mismatches,
        "docs/extraction-guide.md is stale; rewrite its outputs with -Dsnapshots.update=true and"
            + " review the diff");
  }

  record Result(int exit, String output) {}

  /** Runs one {@code cmograph ...} line with paths resolved in the workspace copy. */
  static Result run(String commandLine, Path ws) {
    List<String> words = words(commandLine);
    assertEquals("cmograph", words.get(0), "guide console lines run cmograph only: " + commandLine);
    List<String> args = new ArrayList<>();
    for (String w : words.subList(1, words.size())) {
      args.add(isPath(w, ws) ? ws.resolve(w).toString() : w);
    }
    CommandLine cli = CmographCommand.commandLine();
    StringWriter both = new StringWriter();
    PrintWriter w = new PrintWriter(both, true);
    cli.setOut(w);
    cli.setErr(w);
    int exit = cli.execute(args.toArray(String[]::new));
    w.flush();
    return new Result(exit, both.toString());
  }

  /**
   * Relative file paths: words with a slash, or files of the workspace's root; not options, ids or
   * names such as a source text's (which a command looks up in data/sources/ itself).
   */
  static boolean isPath(String w, Path ws) {
    return !w.startsWith("-")
        && !w.contains("=")
        && !w.contains(" ")
        && (w.contains("/") || Files.exists(ws.resolve(w)));
  }

  /** Shell-like word splitting: spaces separate, single and double quotes group. */
  static List<String> words(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean in = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          w.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        in = true;
      } else if (Character.isWhitespace(c)) {
        if (in) {
          out.add(w.toString());
          w.setLength(0);
          in = false;
        }
      } else {
        w.append(c);
        in = true;
      }
    }
    if (in) {
      out.add(w.toString());
    }
    return out;
  }

  /** Durations and the store's total size vary from run to run. */
  static String normalise(String s) {
    StringBuilder out = new StringBuilder();
    for (String line : s.strip().split("\n")) {
      out.append(
              line.stripTrailing()
                  .replaceAll("\\b\\d+ ms\\b", "N ms")
                  .replaceAll("holds \\d+ quads", "holds N quads"))
          .append('\n');
    }
    return out.toString();
  }
}
