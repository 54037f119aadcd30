package org.cmograph.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cmograph.extraction.Position;

/**
 * Small steps shared by the importers that build study drafts from cells and codes: optional
 * values, ids made unique, slugs, a cell's lines.
 */
final class Drafts {
  private Drafts() {}

  /** Words of an evidence item's 'about' that no actor, context or outcome id may take. */
  static final List<String> RESERVED =
      List.of(
          "mechanism",
          "resource",
          "reasoning",
          "response",
          "context-mechanism",
          "mechanism-outcome",
          "context-outcome");

  static Position at(int row, int column) {
    return new Position(row, column);
  }

  static String slug(String s) {
    return Slugs.isSlug(s) ? s : Slugs.of(s);
  }

  static String unique(String base, Set<String> used) {
    String id = base;
    for (int n = 2; used.contains(id); n++) {
      id = base + "-" + n;
    }
    used.add(id);
    return id;
  }

  /** A cell's lines, stripped; an empty cell has none. */
  static List<String> lines(String cell) {
    if (cell == null || cell.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String line : cell.split("\\r\\n|\\r|\\n", -1)) {
      out.add(line.strip());
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  static Boolean bool(String raw) {
    return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "y", "1" -> Boolean.TRUE;
      case "false", "no", "n", "0" -> Boolean.FALSE;
      default -> null;
    };
  }

  @SafeVarargs
  static <T> T firstNonNull(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  static String abbreviateWords(String s, int max) {
    String one = oneLine(s);
    if (one.length() <= max) {
      return one;
    }
    int cut = one.lastIndexOf(' ', max - 3);
    return one.substring(0, cut > 20 ? cut : max - 3) + "...";
  }

  static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }
}
