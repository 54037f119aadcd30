package org.cmograph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.cmograph.testing.Snapshots;

/**
 * Query results as plain text cells, the way the SPARQL 1.1 CSV results format writes them: an IRI
 * as itself, a literal as its lexical form (no datatype, no language tag), an unbound variable as
 * the empty string. Any SPARQL client gives the same cells (RDF4J: {@code Value.stringValue()}), so
 * one golden file serves the local runner and the endpoint.
 */
public final class ResultTable {
  private ResultTable() {}

  /** The header and rows of a SELECT result, as cells. */
  public static List<List<String>> cells(QueryResult.Rows result) {
    List<List<String>> table = new ArrayList<>();
    table.add(result.vars().stream().map(Var::getVarName).toList());
    for (Binding b : result.rows()) {
      List<String> row = new ArrayList<>();
      for (Var v : result.vars()) {
        row.add(cell(b.get(v)));
      }
      table.add(row);
    }
    return table;
  }

  /** One term as a CSV cell. */
  public static String cell(Node n) {
    if (n == null) {
      return "";
    }
    if (n.isURI()) {
      return n.getURI();
    }
    if (n.isLiteral()) {
      return n.getLiteralLexicalForm();
    }
    return n.isBlank() ? "_:" + n.getBlankNodeLabel() : n.toString();
  }

  /** RFC 4180 CSV with LF line ends: the header, then the rows. */
  public static String toCsv(List<List<String>> table) {
    StringBuilder sb = new StringBuilder();
    for (List<String> row : table) {
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        String c = row.get(i);
        if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
          sb.append('"').append(c.replace("\"", "\"\"")).append('"');
        } else {
          sb.append(c);
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Reads CSV as written by {@link #toCsv} (or by any RFC 4180 writer). */
  public static List<List<String>> fromCsv(String text) {
    List<List<String>> table = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      any = true;
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        continue;
      } else if (c == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        table.add(row);
        row = new ArrayList<>();
        any = false;
      } else {
        cell.append(c);
      }
    }
    if (any) {
      row.add(cell.toString());
      table.add(row);
    }
    return table;
  }

  /**
   * Compares {@code actual} (header first) with the golden file of {@code c}: the header exactly;
   * the rows in order when the query orders them, else as a multiset. With {@code
   * -Dsnapshots.update=true} the golden file is rewritten instead.
   */
  public static void assertMatchesGolden(BundledData.GoldenCase c, List<List<String>> actual) {
    try {
      if (Snapshots.updating()) {
        Snapshots.assertMatches(c.golden(), toCsv(actual));
        return;
      }
      if (!Files.exists(c.golden())) {
        throw new AssertionError(
            "no golden file "
                + c.golden()
                + "; run with -Dsnapshots.update=true to create it:\n"
                + toCsv(actual));
      }
      List<List<String>> expected = fromCsv(Files.readString(c.golden(), StandardCharsets.UTF_8));
      assertEquals(expected.get(0), actual.get(0), c + ": columns");
      List<List<String>> wantRows = new ArrayList<>(expected.subList(1, expected.size()));
      List<List<String>> gotRows = new ArrayList<>(actual.subList(1, actual.size()));
      if (!c.ordered()) {
        Comparator<List<String>> byCells = Comparator.comparing(r -> String.join("\u0000", r));
        wantRows.sort(byCells);
        gotRows.sort(byCells);
      }
      assertEquals(toCsv(wantRows), toCsv(gotRows), c + ": rows (golden " + c.golden() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
