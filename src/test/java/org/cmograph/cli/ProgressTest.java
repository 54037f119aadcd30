package org.cmograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @AfterEach
  void reset() {
    System.clearProperty("cmograph.progress");
  }

  @Test
  void aBarOnATerminalShowsFilesTriplesRateAndTimeLeft() {
    System.setProperty("cmograph.progress", "always");
    StringWriter s = new StringWriter();
    try (Progress p = Progress.start(new PrintWriter(s), "loading", 10, true)) {
      for (int i = 0; i < 10; i++) {
        p.advance(100);
      }
    }
    String out = s.toString();
    assertTrue(
        out.contains("loading [########################] 10/10 files, 1,000 triples, "), out);
    assertTrue(out.contains(" files/s"), out);
    assertTrue(out.endsWith("\r"), "the bar is cleared at the end");
    String mid =
        Progress.start(new PrintWriter(new StringWriter()), "loading", 10, true)
            .line(System.nanoTime());
    assertTrue(mid.startsWith("loading [------------------------] 0/10 files"), mid);
  }

  @Test
  void noBarOffTheTerminalForFewFilesOrWhenQuiet() {
    System.setProperty("cmograph.progress", "never");
    StringWriter s = new StringWriter();
    try (Progress p = Progress.start(new PrintWriter(s), "loading", 100, true)) {
      p.advance(5);
    }
    System.setProperty("cmograph.progress", "always");
    try (Progress p = Progress.start(new PrintWriter(s), "loading", Progress.FEW, true)) {
      p.advance(5);
    }
    try (Progress p = Progress.start(new PrintWriter(s), "loading", 100, false)) {
      p.advance(5);
    }
    assertEquals("", s.toString());
  }

  @Test
  void timeLeftReadsLikeAPerson() {
    assertEquals("5 s", Progress.duration(4.6));
    assertEquals("2:05 min", Progress.duration(125));
  }
}
