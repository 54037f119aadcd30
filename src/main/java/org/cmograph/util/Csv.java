package org.cmograph.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one way cmograph writes CSV: RFC 4180 through commons-csv (commas, double quotes where a
 * field needs them, CRLF after every record), so every CSV it writes reads back the same in a
 * spreadsheet program and in {@code cmograph import}.
 *
 * <pre>
 * try (CSVPrinter out = Csv.printer(writer)) {
 *   out.printRecord("study", "quote");
 * }
 * String line = Csv.line(List.of("a", "b, c"));  // a,"b, c"\r\n
 * </pre>
 */
public final class Csv {
  private Csv() {}

  /** The format: RFC 4180. */
  public static final CSVFormat FORMAT = CSVFormat.RFC4180;

  /** A printer of records to {@code out}. */
  public static CSVPrinter printer(Appendable out) throws IOException {
    return new CSVPrinter(out, FORMAT);
  }

  /** One record, CRLF-terminated; a null field is written empty. */
  public static String line(List<String> fields) {
    StringBuilder out = new StringBuilder();
    try {
      FORMAT.printRecord(out, fields.stream().map(f -> f == null ? "" : f).toArray());
    } catch (IOException e) {
      throw new UncheckedIOException("a StringBuilder does not fail", e);
    }
    return out.toString();
  }
}
