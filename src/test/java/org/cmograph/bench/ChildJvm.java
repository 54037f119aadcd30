package org.cmograph.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child JVM on this JVM's class path, so a measurement runs with its own heap limit (10,000
 * studies must load with {@code -Xmx1g}) and nothing of the harness in its heap.
 */
final class ChildJvm {
  private static final Pattern FIELD = Pattern.compile("([A-Za-z]+)=([-0-9.]+)");

  private final Path home;
  private final Path logs;

  ChildJvm(Path home, Path logs) {
    this.home = home;
    this.logs = logs;
  }

  /** A finished child: exit status, wall time, its output, and the fields of its marker line. */
  record Finished(int exit, long wallMs, String out, String err, Map<String, Double> fields) {
    double field(String name) {
      Double v = fields.get(name);
      if (v == null) {
        throw new IllegalStateException("child printed no " + name + "; stderr:\n" + tail(err));
      }
      return v;
    }
  }

  List<String> command(String heap, String mainClass, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add(heap);
    cmd.add("-XX:+UseG1GC");
    cmd.add("-Dcmograph.home=" + home);
    cmd.add("-Dlog4j2.level=WARN");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass);
    cmd.addAll(args);
    return cmd;
  }

  /** Runs to the end (at most {@code timeoutMinutes}); the marker line's fields are parsed. */
  Finished run(
      String label,
      String heap,
      String mainClass,
      List<String> args,
      String marker,
      int timeoutMinutes)
      throws IOException, InterruptedException {
    Files.createDirectories(logs);
    Path out = logs.resolve(label + ".out");
    Path err = logs.resolve(label + ".err");
    ProcessBuilder pb = new ProcessBuilder(command(heap, mainClass, args));
    pb.redirectOutput(out.toFile());
    pb.redirectError(err.toFile());
    long start = System.nanoTime();
    Process p = pb.start();
    if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException(label + " ran longer than " + timeoutMinutes + " minutes");
    }
    long wall = (System.nanoTime() - start) / 1_000_000;
    String o = Files.readString(out, StandardCharsets.UTF_8);
    String e = Files.readString(err, StandardCharsets.UTF_8);
    Map<String, Double> fields = new TreeMap<>();
    for (String line : (o + "\n" + e).split("\n")) {
      if (marker != null && line.startsWith(marker)) {
        Matcher m = FIELD.matcher(line);
        while (m.find()) {
          fields.put(m.group(1), Double.parseDouble(m.group(2)));
        }
      }
    }
    return new Finished(p.exitValue(), wall, o, e, fields);
  }

  /** Starts a long-running child (a server); its output goes to the log folder. */
  Process start(String label, String heap, String mainClass, List<String> args) throws IOException {
    Files.createDirectories(logs);
    ProcessBuilder pb = new ProcessBuilder(command(heap, mainClass, args));
    pb.redirectOutput(logs.resolve(label + ".out").toFile());
    pb.redirectError(logs.resolve(label + ".err").toFile());
    return pb.start();
  }

  /**
   * Starts {@code ./cmograph} itself, as a user does (the launcher's jar and its class-data
   * archive), with the heap given through {@code CMOGRAPH_JAVA_OPTS}.
   */
  Process startLauncher(String label, String heap, List<String> args) throws IOException {
    Files.createDirectories(logs);
    List<String> cmd = new ArrayList<>(List.of("sh", home.resolve("cmograph").toString()));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("CMOGRAPH_JAVA_OPTS", heap + " -Dlog4j2.level=WARN");
    pb.redirectOutput(logs.resolve(label + ".out").toFile());
    pb.redirectError(logs.resolve(label + ".err").toFile());
    return pb.start();
  }

  Path log(String label, String stream) {
    return logs.resolve(label + "." + stream);
  }

  static void stop(Process p) throws InterruptedException {
    p.destroy();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  static String tail(String s) {
    return s.length() <= 3000 ? s : "..." + s.substring(s.length() - 3000);
  }
}
