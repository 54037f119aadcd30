package org.cmograph.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.cmograph.cli.CmographCommand;

/**
 * Runs one cmograph command in this (child) JVM, then prints a line the harness reads: exit status,
 * milliseconds inside the command, CPU time, the most heap in use at any moment and the most in use
 * right after a collection ({@link HeapPeak}).
 */
public final class ChildMain {
  static final String MARK = "BENCH-CHILD";

  private ChildMain() {}

  public static void main(String[] args) {
    HeapPeak.start();
    long start = System.nanoTime();
    int exit = CmographCommand.execute(args);
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.flush();
    System.err.printf(
        Locale.ROOT,
        "%s exit=%d ms=%d cpuMs=%d peakHeapMiB=%.1f afterGcHeapMiB=%.1f%n",
        MARK,
        exit,
        ms,
        cpuMs(),
        HeapPeak.peakMiB(),
        HeapPeak.afterGcMiB());
    System.exit(exit);
  }

  /** CPU time of this whole process (all threads, JVM start included), in milliseconds. */
  static long cpuMs() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime() / 1_000_000;
    }
    return -1;
  }
}
