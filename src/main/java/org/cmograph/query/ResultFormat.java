package org.cmograph.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How results are written: an aligned text table for people, or a SPARQL results format. */
public enum ResultFormat {
  TABLE,
  CSV,
  TSV,
  JSON;

  /** The format a name gives ({@code table}, {@code csv}, {@code tsv}, {@code json}). */
  public static ResultFormat parse(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new QueryUsageException("unknown format '" + name + "'; use " + names());
    }
  }

  /** The names, for help texts: {@code table, csv, tsv or json}. */
  public static String names() {
    String all =
        Arrays.stream(values())
            .map(f -> f.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", "));
    int last = all.lastIndexOf(", ");
    return all.substring(0, last) + " or " + all.substring(last + 2);
  }
}
