package org.cmograph.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import org.cmograph.cli.CmographCommand;

/**
 * Runs one cmograph command in this (child) JVM, then prints a line the harness reads: exit status,
 * milliseconds inside the command, and the peak heap used (the sum of each heap pool's peak, an
 * upper bound of the real peak).
 */
public final class ChildMain {
  static final String MARK = "BENCH-CHILD";

  private ChildMain() {}

  public static void main(String[] args) {
    long start = System.nanoTime();
    int exit = CmographCommand.execute(args);
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.flush();
    System.err.printf(
        Locale.ROOT,
        "%s exit=%d ms=%d cpuMs=%d peakHeapMiB=%.1f%n",
        MARK,
        exit,
        ms,
        cpuMs(),
        peakHeapMiB());
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

  static double peakHeapMiB() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak / (1024.0 * 1024.0);
  }
}
