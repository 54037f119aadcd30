package org.cmograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command and subcommand, found by walking the tree (so a command added later is checked
 * too), answers {@code --help} and {@code -h} with exit status 0, its own usage on standard output
 * (picocli's help command prints a header line before it) and nothing on standard error.
 */
class HelpOptionsTest {
  /** The command paths of the tree, e.g. [catalogue, list], found by CommandLine.getSubcommands. */
  static List<List<String>> commandPaths() {
    List<List<String>> out = new ArrayList<>();
    walk(CmographCommand.commandLine(), new ArrayList<>(), out);
    return out;
  }

  private static void walk(CommandLine cli, List<String> path, List<List<String>> out) {
    out.add(List.copyOf(path));
    for (Map.Entry<String, CommandLine> sub : cli.getSubcommands().entrySet()) {
      if (!sub.getKey().equals(sub.getValue().getCommandName())) {
        continue; // an alias of a command walked under its name
      }
      path.add(sub.getKey());
      walk(sub.getValue(), path, out);
      path.remove(path.size() - 1);
    }
  }

  @Test
  void theWalkFindsTheNestedCommands() {
    List<List<String>> paths = commandPaths();
    assertTrue(paths.contains(List.of("summary")), paths.toString());
    assertTrue(paths.contains(List.of("catalogue", "list")), paths.toString());
    assertTrue(paths.contains(List.of("source", "add")), paths.toString());
    assertTrue(paths.size() >= 20, paths.toString());
  }

  @Test
  void everyCommandAnswersHelpWithItsUsage() {
    List<String> failures = new ArrayList<>();
    for (List<String> path : commandPaths()) {
      for (String flag : List.of("--help", "-h")) {
        List<String> args = new ArrayList<>(path);
        args.add(flag);
        CommandLine cli = CmographCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args.toArray(String[]::new));
        String usage = "Usage: " + String.join(" ", prepend("cmograph", path));
        if (exit != 0 || !out.toString().contains(usage) || !err.toString().isEmpty()) {
          failures.add(
              String.join(" ", args)
                  + " -> exit "
                  + exit
                  + ", out: "
                  + firstLine(out)
                  + ", err: "
                  + firstLine(err));
        }
      }
    }
    assertEquals(List.of(), failures);
  }

  private static List<String> prepend(String first, List<String> rest) {
    List<String> out = new ArrayList<>(List.of(first));
    out.addAll(rest);
    return out;
  }

  private static String firstLine(StringWriter w) {
    return w.toString().lines().findFirst().orElse("");
  }
}
