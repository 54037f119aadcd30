package org.cmograph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.cmograph.endpoint.CatalogueEntry;
import org.cmograph.endpoint.EndpointServer;
import org.cmograph.endpoint.ServerSettings;
import org.cmograph.query.QueryCatalogue;
import org.cmograph.report.Summaries;
import org.cmograph.store.CmoStore;
import org.cmograph.store.ServedStore;
import org.cmograph.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cmograph serve}: the SPARQL endpoint over the store, until Ctrl-C or SIGTERM. With no
 * arguments it serves the default store, filled from {@code data/} on first use.
 */
@Command(
    name = "serve",
    description = {
      "Serve the store as a SPARQL 1.1 endpoint (embedded Fuseki) with a query page at /.",
      "Read-only unless --update-user and --password-file are given."
    })
final class ServeCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Option(
      names = "--port",
      defaultValue = "3030",
      description = "TCP port (0 picks a free one); default ${DEFAULT-VALUE}")
  int port;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      paramLabel = "ADDRESS",
      description =
          "Address to listen on; default ${DEFAULT-VALUE} (this machine only). 0.0.0.0 opens it to the network.")
  String bind;

  @Option(
      names = "--timeout",
      defaultValue = "10",
      paramLabel = "SECONDS",
      description = "Longest time any query may run; default ${DEFAULT-VALUE}")
  double timeoutSeconds;

  @Mixin SourcesOption sourcesOption;

  @Option(
      names = "--max-rows",
      defaultValue = "10000",
      description = "Most rows a result returns; default ${DEFAULT-VALUE}")
  int maxRows;

  @Option(
      names = "--max-concurrent-queries",
      paramLabel = "N",
      description =
          "Most queries running at once; later ones wait their turn (up to 30 s, then 503)."
              + " Default: twice the cores")
  Integer maxConcurrentQueries;

  @Option(
      names = "--max-request-mb",
      defaultValue = "10",
      paramLabel = "MB",
      description = "Largest request body accepted, in MiB; default ${DEFAULT-VALUE}")
  int maxRequestMb;

  @Option(
      names = "--update-user",
      paramLabel = "USER",
      description =
          "Enable SPARQL Update (/cmo/update) and Graph Store writes (/cmo/data) for this user only (HTTP Basic)")
  String updateUser;

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description = "File whose first line is the update user's password")
  Path passwordFile;

  @Option(
      names = "--warm-up",
      hidden = true,
      description =
          "Fill an empty store with the bundled studies (if there), start, answer one query, the"
              + " landing page and the summaries' index over HTTP, then stop (the launcher runs this once"
              + " per build to archive the classes loading, serving and summaries use)")
  boolean warmUp;

  @Mixin StoreOptions storeOptions;

  @Spec CommandSpec spec;

  /** The summaries' temporary folders this run made, removed when it stops. */
  private final List<Path> summaryFolders = new CopyOnWriteArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ServerSettings settings = settings();
    Workspace ws = Workspace.current();
    long start = System.nanoTime();
    // The warm-up fills an empty store with the bundled studies where they are, so that the classes
    // of loading and of summaries (written for its /summaries/ request) are archived too.
    boolean fill =
        storeOptions.isDefault() || (warmUp && java.nio.file.Files.isDirectory(ws.studiesDir()));
    CmoStore store = Studies.open(ws, storeOptions, fill, err);
    EndpointServer server;
    try {
      server =
          EndpointServer.start(
              store.dataset(),
              settings,
              () -> CatalogueEntry.of(QueryCatalogue.load(ws.queriesDir())),
              () -> writeSummaries(store),
              sourcesOption.orElse(ws.dataDir().resolve("sources")),
              (mechanisms, theoryCmocs, format) ->
                  SummaryCommand.document(
                      store, new Summaries.Selection(mechanisms, theoryCmocs), format));
    } catch (RuntimeException e) {
      store.close();
      throw startFailure(e);
    }
    Path dir = store.directory();
    if (dir != null) {
      // Readers that find the store locked read through this server (StoreReader).
      ServedStore.record(
          dir,
          new ServedStore.Server(
              ProcessHandle.current().pid(),
              localUrl(server.queryUrl()),
              localUrl(server.graphStoreReadUrl()),
              settings.maxRows(),
              localUrl(server.summaryUrl()),
              server.summaryToken()));
    }
    AtomicBoolean stopped = new AtomicBoolean();
    Runnable stop =
        () -> {
          if (stopped.compareAndSet(false, true)) {
            if (dir != null) {
              ServedStore.remove(dir);
            }
            server.close();
            try {
              store.close();
            } catch (StoreException e) {
              // Stopped (Ctrl-C) while a read was still running, e.g. the study count below.
              err.println("cmograph: stopped; " + e.getMessage());
              err.flush();
            } finally {
              removeSummaries();
            }
          }
        };
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "cmograph-serve-stop"));
    long ms = (System.nanoTime() - start) / 1_000_000;
    int studies = store.studyIds().size();
    out.printf(
        "cmograph serves %d stud%s from %s (ready in %d ms)%n",
        studies, studies == 1 ? "y" : "ies", Workspace.shown(store.directory()), ms);
    out.printf("  landing page   %s%n", server.baseUrl());
    out.printf("  SPARQL query   %s%n", server.queryUrl());
    out.printf("  summaries      %ssummaries/%n", server.baseUrl());
    out.printf("  source texts   %ssources/%n", server.baseUrl());
    out.printf("  graph store    %s?graph=IRI  (read-only)%n", server.graphStoreReadUrl());
    if (settings.writable()) {
      out.printf(
          "  SPARQL update  %s  (user %s)%n", server.updateUrl(), settings.updateUser().user());
      out.printf(
          "  graph store    %s  (read-write, user %s)%n",
          server.graphStoreWriteUrl(), settings.updateUser().user());
      if (!isLoopback(bind)) {
        err.println(
            "warning: HTTP Basic over plain HTTP sends the password in clear; on a network, put a"
                + " TLS proxy in front");
      }
    } else {
      out.println("  updates        off (read-only; see --update-user)");
    }
    out.println("Press Ctrl-C to stop.");
    out.flush();
    err.flush();
    if (warmUp) {
      try {
        warmUp(server);
      } finally {
        stop.run();
      }
      return 0;
    }
    server.join();
    stop.run();
    return 0;
  }

  /**
   * What a first visitor does: a SPARQL query, the landing page and the summaries, over HTTP, and
   * what {@code cmograph summary} beside a running server does (one document from {@code
   * /summary}), so that a JVM archiving the classes it loaded (the launcher's class-data archive)
   * has those of serving and of reading and writing summaries ({@code cmograph summary} then starts
   * faster too: about 0.15 s of a one-mechanism summary at 10,000 studies).
   */
  static void warmUp(EndpointServer server) {
    String query = "SELECT * WHERE { ?s ?p ?o } LIMIT 1";
    get(server.queryUrl() + "?query=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8));
    get(server.baseUrl());
    get(server.baseUrl() + "summaries/");
    // As 'cmograph summary' beside a running server asks for its document (ServedSummary).
    try {
      int status =
          ServedSummary.send(
                  java.net.URI.create(server.summaryUrl() + "?format=md"), server.summaryToken())
              .status();
      if (status != 200) {
        throw new IOException("HTTP " + status);
      }
    } catch (IOException e) {
      throw new CliException(
          ErrorCode.SERVE_FAILED, "warm-up summary request failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ErrorCode.SERVE_FAILED, "warm-up interrupted");
    }
  }

  private static void get(String url) {
    try {
      java.net.HttpURLConnection c =
          (java.net.HttpURLConnection) java.net.URI.create(url).toURL().openConnection();
      try (var in = c.getInputStream()) {
        in.readAllBytes();
      } finally {
        c.disconnect();
      }
    } catch (IOException e) {
      throw new CliException(
          ErrorCode.SERVE_FAILED, "warm-up request " + url + " failed: " + e.getMessage());
    }
  }

  /**
   * Writes the HTML summaries of the store into a temporary folder, removed when serve stops
   * (normally, by Ctrl-C or SIGTERM: {@link #removeSummaries}); a failed attempt removes its folder
   * at once, as the next request tries again. ({@code File.deleteOnExit} is not enough: it deletes
   * in reverse order of registration, the folder before its files, and so left it behind.)
   */
  private Path writeSummaries(CmoStore store) {
    Path dir;
    try {
      dir = Files.createTempDirectory("cmograph-summaries-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    summaryFolders.add(dir);
    try {
      Summaries.writeHtmlSite(store, dir);
      return dir;
    } catch (IOException e) {
      deleteTree(dir);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      deleteTree(dir);
      throw e;
    }
  }

  /** Removes the summaries' temporary folders; after the server has stopped serving them. */
  private void removeSummaries() {
    for (Path dir : summaryFolders) {
      deleteTree(dir);
    }
    summaryFolders.clear();
  }

  /** Deletes a folder and what is in it, without following links; best effort. */
  static void deleteTree(Path dir) {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // A file still being written when serve stopped; the temporary folder is the system's.
    }
  }

  private ServerSettings settings() {
    if ((updateUser == null) != (passwordFile == null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--update-user and --password-file go together");
    }
    if (!(timeoutSeconds > 0)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be positive");
    }
    if (maxRows < 1 || maxRequestMb < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--max-rows and --max-request-mb must be at least 1");
    }
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0..65535");
    }
    if (maxConcurrentQueries != null && maxConcurrentQueries < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--max-concurrent-queries must be at least 1");
    }
    ServerSettings s =
        ServerSettings.defaults()
            .withPort(port)
            .withBind(bind)
            .withTimeout(Duration.ofMillis(Math.round(timeoutSeconds * 1000)))
            .withMaxRows(maxRows)
            .withMaxRequestBytes(maxRequestMb * 1024L * 1024L);
    if (maxConcurrentQueries != null) {
      s = s.withConcurrentQueries(maxConcurrentQueries, s.queueWait());
    }
    if (updateUser != null) {
      s =
          s.withUpdateUser(
              new ServerSettings.Credentials(updateUser, PasswordFile.read(passwordFile)));
    }
    return s;
  }

  private RuntimeException startFailure(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return new CliException(
            ErrorCode.SERVE_FAILED,
            "cannot listen on "
                + bind
                + ":"
                + port
                + " ("
                + t.getMessage()
                + "); is another"
                + " server running there? Choose another port with --port");
      }
    }
    return new CliException(ErrorCode.SERVE_FAILED, "cannot start the endpoint: " + e.getMessage());
  }

  /**
   * {@code url} as this machine reaches it: a server bound to every address answers on loopback.
   */
  private String localUrl(String url) {
    try {
      if (java.net.InetAddress.getByName(bind).isAnyLocalAddress()) {
        java.net.URI u = java.net.URI.create(url);
        return new java.net.URI(
                u.getScheme(), null, "127.0.0.1", u.getPort(), u.getPath(), null, null)
            .toString();
      }
    } catch (java.net.UnknownHostException | java.net.URISyntaxException e) {
      // as printed
    }
    return url;
  }

  private static boolean isLoopback(String address) {
    try {
      return java.net.InetAddress.getByName(address).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }
}
