package org.cmograph.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress bar for commands that work through many files: files done, triples written, rate and
 * time left, redrawn in place on a terminal at most ten times a second. Off the terminal (CI logs,
 * pipes) and for a few files it prints nothing; the command's one-line summary says what happened.
 *
 * <pre>
 * try (Progress p = Progress.start(err, "loading", files.size(), !quiet)) {
 *   for (...) { ...; p.advance(triples); }
 * }
 * </pre>
 */
final class Progress implements AutoCloseable {
  /** Up to this many files need no bar. */
  static final int FEW = 3;

  private static final int BAR = 24;

  private final PrintWriter err;
  private final String verb;
  private final int total;
  private final boolean shown;
  private final long started = System.nanoTime();
  private long lastDraw;
  private int done;
  private long triples;
  private int width;

  private Progress(PrintWriter err, String verb, int total, boolean shown) {
    this.err = err;
    this.verb = verb;
    this.total = total;
    this.shown = shown;
  }

  /**
   * A bar for {@code total} files, drawn only when {@code wanted}, on a terminal, and for more than
   * {@link #FEW} files.
   */
  static Progress start(PrintWriter err, String verb, int total, boolean wanted) {
    return new Progress(err, verb, total, wanted && total > FEW && onTerminal());
  }

  /**
   * Whether standard error is a terminal. The system property {@code cmograph.progress} ({@code
   * always} or {@code never}) overrides the guess, for tests and odd terminals.
   */
  static boolean onTerminal() {
    String forced = System.getProperty("cmograph.progress", "");
    if (forced.equals("always")) {
      return true;
    }
    if (forced.equals("never")) {
      return false;
    }
    return System.console() != null;
  }

  boolean shown() {
    return shown;
  }

  /** A line saying what is under way before the bar can move (e.g. "validating 1200 files"). */
  void phase(String text) {
    if (shown) {
      draw(text + " ...");
    }
  }

  /** One more file done, with the triples it added. */
  synchronized void advance(long fileTriples) {
    done++;
    triples += fileTriples;
    long now = System.nanoTime();
    if (shown && (done == total || now - lastDraw > 100_000_000L)) {
      lastDraw = now;
      draw(line(now));
    }
  }

  String line(long now) {
    double seconds = Math.max((now - started) / 1e9, 1e-3);
    double rate = done / seconds;
    int filled = total == 0 ? BAR : (int) ((long) BAR * done / total);
    StringBuilder out = new StringBuilder(verb).append(" [");
    out.append("#".repeat(filled)).append("-".repeat(BAR - filled)).append("] ");
    out.append(String.format(Locale.ROOT, "%d/%d files, ", done, total));
    if (triples > 0) {
      out.append(String.format(Locale.ROOT, "%,d triples, ", triples));
    }
    out.append(String.format(Locale.ROOT, "%.1f files/s", rate));
    if (done < total && done > 0) {
      out.append(", ").append(duration((total - done) / rate)).append(" left");
    }
    return out.toString();
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d:%02d min", s / 60, s % 60);
  }

  private void draw(String text) {
    String padded = text.length() < width ? text + " ".repeat(width - text.length()) : text;
    width = text.length();
    err.print("\r" + padded);
    err.flush();
  }

  /** Clears the bar, so the summary line stands alone. */
  @Override
  public void close() {
    if (shown && width > 0) {
      err.print("\r" + " ".repeat(width) + "\r");
      err.flush();
    }
  }
}
