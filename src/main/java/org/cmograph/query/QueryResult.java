package org.cmograph.query;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.resultset.ResultsWriter;

/**
 * A finished query's answer, held in memory so the read transaction (or the HTTP response) is
 * closed before anything is written, and a time-out never leaves half a table behind.
 */
public sealed interface QueryResult {
  /** Writes the answer to {@code out} in {@code format}. */
  void write(ResultFormat format, OutputStream out);

  /** Rows of a SELECT query, with the query's prefixes for the text table. */
  record Rows(List<Var> vars, List<Binding> rows, PrefixMapping prefixes) implements QueryResult {
    public Rows {
      vars = List.copyOf(vars);
      rows = List.copyOf(rows);
    }

    /** A fresh row set over the rows, for Jena's writers. */
    public RowSet rowSet() {
      return RowSetStream.create(vars, rows.iterator());
    }

    @Override
    public void write(ResultFormat format, OutputStream out) {
      if (format == ResultFormat.TABLE) {
        ResultSetFormatter.out(out, ResultSet.adapt(rowSet()), prefixes);
      } else {
        ResultsWriter.create().lang(lang(format)).build().write(out, rowSet());
      }
      flush(out);
    }
  }

  /** The answer of an ASK query. */
  record Answer(boolean value) implements QueryResult {
    @Override
    public void write(ResultFormat format, OutputStream out) {
      if (format == ResultFormat.TABLE) {
        ResultSetFormatter.out(out, value);
      } else {
        ResultsWriter.create().lang(lang(format)).build().write(out, value);
      }
      flush(out);
    }
  }

  /** The graph of a CONSTRUCT or DESCRIBE query: Turtle, or JSON-LD for {@code json}. */
  record Triples(Graph graph) implements QueryResult {
    @Override
    public void write(ResultFormat format, OutputStream out) {
      switch (format) {
        case TABLE -> RDFDataMgr.write(out, graph, RDFFormat.TURTLE_PRETTY);
        case JSON -> RDFDataMgr.write(out, graph, RDFFormat.JSONLD11);
        default ->
            throw new QueryUsageException(
                "a CONSTRUCT or DESCRIBE query gives RDF, not rows: use --format table (Turtle)"
                    + " or json (JSON-LD)");
      }
      flush(out);
    }
  }

  private static Lang lang(ResultFormat format) {
    return switch (format) {
      case CSV -> ResultSetLang.RS_CSV;
      case TSV -> ResultSetLang.RS_TSV;
      case JSON -> ResultSetLang.RS_JSON;
      case TABLE -> ResultSetLang.RS_Text;
    };
  }

  private static void flush(OutputStream out) {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
