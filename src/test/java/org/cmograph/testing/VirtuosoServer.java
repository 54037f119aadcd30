package org.cmograph.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenLink Virtuoso (Debian's {@code virtuoso-opensource}) for tests: its own database in a
 * temporary folder, its SQL and HTTP ports on the loopback interface, started in the foreground and
 * stopped by {@link #close()}. The packaged system service is not used.
 *
 * <pre>
 * assumeTrue(VirtuosoServer.installed(), VirtuosoServer.MISSING);
 * try (VirtuosoServer v = VirtuosoServer.start(dir, 10_000, 30)) {
 *   v.sql("DB.DBA.USER_CREATE('loader', 'pw');");
 *   String sparql = v.url("/sparql");
 * }
 * </pre>
 */
public final class VirtuosoServer implements AutoCloseable {
  public static final String MISSING =
      "virtuoso-t is not installed (Debian: apt-get install virtuoso-opensource; .ci/run installs"
          + " it), so the second-engine tests are skipped";

  private final Process process;
  private final int sqlPort;
  private final int httpPort;
  private final Path dir;

  private VirtuosoServer(Process process, int sqlPort, int httpPort, Path dir) {
    this.process = process;
    this.sqlPort = sqlPort;
    this.httpPort = httpPort;
    this.dir = dir;
  }

  /** Whether {@code virtuoso-t} and {@code isql-vt} are on the PATH. */
  public static boolean installed() {
    return onPath("virtuoso-t") && onPath("isql-vt");
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    return path != null
        && List.of(path.split(java.io.File.pathSeparator)).stream()
            .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
  }

  /**
   * Starts a server with its database in {@code dir} and waits until {@code /sparql} answers.
   *
   * @param maxRows {@code [SPARQL] ResultSetMaxRows}: answers are cut at this many rows
   * @param maxSeconds {@code [SPARQL] MaxQueryExecutionTime}: past it answers are partial
   */
  public static VirtuosoServer start(Path dir, int maxRows, int maxSeconds) throws IOException {
    int sql = freePort();
    int http = freePort();
    Path db = dir.toAbsolutePath();
    String ini =
        """
        [Database]
        DatabaseFile = %1$s/virtuoso.db
        ErrorLogFile = %1$s/virtuoso.log
        LockFile = %1$s/virtuoso.lck
        TransactionFile = %1$s/virtuoso.trx
        xa_persistent_file = %1$s/virtuoso.pxa
        ErrorLogLevel = 7
        FileExtend = 200
        Striping = 0
        TempStorage = TempDatabase
        [TempDatabase]
        DatabaseFile = %1$s/virtuoso-temp.db
        TransactionFile = %1$s/virtuoso-temp.trx
        Striping = 0
        [Parameters]
        ServerPort = 127.0.0.1:%2$d
        DisableUnixSocket = 1
        CheckpointInterval = 0
        CaseMode = 2
        DirsAllowed = ., %1$s
        NumberOfBuffers = 20000
        MaxDirtyBuffers = 15000
        ThreadsPerQuery = 2
        [HTTPServer]
        ServerPort = 127.0.0.1:%3$d
        ServerRoot = %1$s
        ServerThreads = 6
        MaxKeepAlives = 6
        KeepAliveTimeout = 10
        Charset = UTF-8
        EnabledGzipContent = 0
        [SPARQL]
        ResultSetMaxRows = %4$d
        MaxQueryExecutionTime = %5$d
        MaxQueryCostEstimationTime = 400
        """
            .formatted(db, sql, http, maxRows, maxSeconds);
    Path iniFile = Files.writeString(db.resolve("virtuoso.ini"), ini);
    Process p =
        new ProcessBuilder("virtuoso-t", "+foreground", "+configfile", iniFile.toString())
            .directory(db.toFile())
            .redirectErrorStream(true)
            .redirectOutput(db.resolve("console.log").toFile())
            .start();
    VirtuosoServer server = new VirtuosoServer(p, sql, http, db);
    try {
      server.awaitReady(Duration.ofSeconds(180)); // a few seconds, but minutes on a loaded machine
    } catch (RuntimeException | IOException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private void awaitReady(Duration limit) throws IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long end = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new IllegalStateException("virtuoso-t exited at start: " + log());
      }
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(URI.create(url("/sparql?query=ASK%7B%7D")))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for virtuoso-t", e);
      }
      sleep(250);
    }
    throw new IllegalStateException("virtuoso-t was not ready in " + limit + ": " + log());
  }

  /** Runs SQL statements as {@code dba} with {@code isql-vt}; fails on any error. */
  public String sql(String statements) throws IOException {
    Path script = Files.createTempFile(dir, "setup", ".sql");
    Files.writeString(script, statements);
    Process isql =
        new ProcessBuilder("isql-vt", String.valueOf(sqlPort), "dba", "dba", script.toString())
            .redirectErrorStream(true)
            .start();
    try {
      if (!isql.waitFor(60, TimeUnit.SECONDS)) {
        isql.destroyForcibly();
        throw new IllegalStateException("isql-vt did not finish: " + statements);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    String out = new String(isql.getInputStream().readAllBytes());
    if (isql.exitValue() != 0 || out.contains("*** Error")) {
      throw new IllegalStateException("isql-vt failed: " + out);
    }
    return out;
  }

  /** {@code http://127.0.0.1:PORT} + {@code path}. */
  public String url(String path) {
    return "http://127.0.0.1:" + httpPort + path;
  }

  /** The server's console and error log, for a failing test's message. */
  public String log() {
    try {
      Path console = dir.resolve("console.log");
      String text = Files.exists(console) ? Files.readString(console) : "(no output)";
      int cut = Math.max(0, text.length() - 4000);
      return text.substring(cut);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.destroy(); // SIGTERM: virtuoso-t shuts down cleanly
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
