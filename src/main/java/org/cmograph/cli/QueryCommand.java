package org.cmograph.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cmograph.query.CatalogueQuery;
import org.cmograph.query.QueryCatalogue;
import org.cmograph.query.QueryFailure;
import org.cmograph.query.QueryResult;
import org.cmograph.query.QueryRunner;
import org.cmograph.query.QueryUsageException;
import org.cmograph.query.ResultFormat;
import org.cmograph.store.CmoStore;
import org.cmograph.store.ServedStore;
import org.cmograph.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cmograph query NAME|FILE.rq}: a catalogue query or a SPARQL file, run against the store or
 * an endpoint, with parameters bound as RDF terms.
 */
@Command(
    name = "query",
    description =
        "Run a catalogue query (see --list) or a SPARQL file against the store or an endpoint.")
final class QueryCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Parameters(
      arity = "0..1",
      paramLabel = "NAME|FILE.rq",
      description = "A query of the catalogue (queries/NAME.rq) or a SPARQL query file")
  String query;

  @Option(
      names = "--param",
      paramLabel = "NAME=VALUE",
      description = "A parameter the query's header declares, e.g. mechanism=trusting-relationship")
  List<String> params = new ArrayList<>();

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table, csv, tsv or json (SPARQL results); default ${DEFAULT-VALUE}")
  String format;

  @Option(names = "--list", description = "List the catalogue's queries with their titles")
  boolean list;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description = "Stop the query after this many seconds; default ${DEFAULT-VALUE}")
  long timeoutSeconds;

  @Mixin TargetOptions target;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Workspace ws = Workspace.current();
    PrintWriter out = spec.commandLine().getOut();
    QueryCatalogue catalogue = QueryCatalogue.load(ws.queriesDir());
    if (list) {
      if (query != null) {
        throw usage("give a query or --list, not both");
      }
      printList(catalogue, out);
      return 0;
    }
    if (query == null) {
      throw usage("name a query (see: cmograph query --list) or a .rq file");
    }
    target.checkForReading();
    if (timeoutSeconds <= 0) {
      throw usage("--timeout must be a positive number of seconds");
    }
    try {
      ResultFormat resultFormat = ResultFormat.parse(format);
      CatalogueQuery declared = resolve(catalogue);
      Map<String, String> values = parseParams();
      BoundQuery bound = BoundQuery.of(declared, values);
      if (bound.givesRdf()
          && (resultFormat == ResultFormat.CSV || resultFormat == ResultFormat.TSV)) {
        throw new QueryUsageException(
            "a CONSTRUCT or DESCRIBE query gives RDF, not rows: use --format table (Turtle) or json"
                + " (JSON-LD)");
      }
      QueryRunner runner = new QueryRunner(Duration.ofSeconds(timeoutSeconds));
      QueryResult result =
          target.remote()
              ? bound.runAt(runner, target.endpoint, target.credentials)
              : runLocally(ws, runner, bound);
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      result.write(resultFormat, buffer);
      out.print(buffer.toString(StandardCharsets.UTF_8));
      out.flush();
      return 0;
    } catch (QueryUsageException e) {
      throw usage(e.getMessage());
    } catch (QueryFailure e) {
      throw new CliException(ErrorCode.QUERY_FAILED, e.getMessage());
    }
  }

  /** NAME=VALUE pairs, split at the first '=' only, the value kept exactly as given. */
  private Map<String, String> parseParams() {
    Map<String, String> values = new LinkedHashMap<>();
    for (String p : params) {
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new QueryUsageException("--param takes NAME=VALUE, not '" + p + "'");
      }
      String name = p.substring(0, eq);
      if (values.put(name, p.substring(eq + 1)) != null) {
        throw new QueryUsageException("--param " + name + " given twice");
      }
    }
    return values;
  }

  private CatalogueQuery resolve(QueryCatalogue catalogue) {
    Path file = Path.of(query);
    if (query.endsWith(QueryCatalogue.EXTENSION) || Files.isRegularFile(file)) {
      if (!Files.isRegularFile(file)) {
        throw new QueryUsageException("no query file " + query);
      }
      return QueryCatalogue.readFile(file);
    }
    return catalogue.require(query);
  }

  private QueryResult runLocally(Workspace ws, QueryRunner runner, BoundQuery bound) {
    if (!target.storeOptions.isDefault() && !CmoStore.exists(target.resolve(ws))) {
      throw new CliException(
          ErrorCode.NO_STORE,
          "no store at "
              + Workspace.shown(target.resolve(ws))
              + "; load one with: cmograph load --store "
              + Workspace.shown(target.resolve(ws)));
    }
    PrintWriter err = spec.commandLine().getErr();
    CmoStore store;
    try {
      store = Studies.open(ws, target.storeOptions, err);
    } catch (StoreException.Locked locked) {
      // A running 'cmograph serve' holds the store: ask it.
      ServedStore.Server server = StoreReader.server(target.resolve(ws), locked, err);
      QueryResult result = bound.runAt(runner, server.queryUrl(), null);
      if (result instanceof QueryResult.Rows rows && rows.rows().size() >= server.maxRows()) {
        err.printf(
            "warning: the server returns at most %d rows (serve --max-rows); there may be more%n",
            server.maxRows());
        err.flush();
      }
      return result;
    }
    try (store) {
      return bound.runOn(runner, store);
    }
  }

  private static void printList(QueryCatalogue catalogue, PrintWriter out) {
    int width = catalogue.queries().stream().mapToInt(q -> q.name().length()).max().orElse(0);
    for (CatalogueQuery q : catalogue.queries()) {
      String usage = q.usage();
      out.printf(
          "%-" + width + "s  %s%s%n", q.name(), q.title(), usage.isEmpty() ? "" : "  " + usage);
    }
    out.flush();
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
