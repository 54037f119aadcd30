package org.cmograph.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code cmograph} in a separate JVM on the test classpath, so a test can bound its memory or
 * kill it with SIGKILL ({@link Process#destroyForcibly()}) as a crash would.
 */
public final class ChildJvm {
  private ChildJvm() {}

  /** The test classpath (Surefire and Failsafe hide it behind a manifest-only jar). */
  public static String classpath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
  }

  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** A process builder for {@code cmograph ARGS...} with the given heap, stderr to stdout. */
  public static ProcessBuilder cmograph(String maxHeap, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.add("-Xmx" + maxHeap);
    command.add("-XX:+UseSerialGC");
    command.add("-Dcmograph.home=" + Repo.root());
    command.add("-cp");
    command.add(classpath());
    command.add("org.cmograph.cli.CmographCommand");
    command.addAll(args);
    return new ProcessBuilder(command).redirectErrorStream(true);
  }

  /** Runs to the end and returns exit status and output. */
  public static Result run(String maxHeap, List<String> args) throws IOException {
    Process p = cmograph(maxHeap, args).start();
    String out = new String(p.getInputStream().readAllBytes());
    try {
      return new Result(p.waitFor(), out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException(e);
    }
  }

  /** What a child run printed and how it ended. */
  public record Result(int exit, String output) {}
}
