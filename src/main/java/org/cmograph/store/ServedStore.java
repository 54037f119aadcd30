package org.cmograph.store;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The note a running {@code cmograph serve} leaves in its store folder ({@code serve.url}): which
 * process serves the store and at which URLs. TDB2 lets one process open a store, so a reading
 * command that finds the store locked and this note, written by a live process, reads through that
 * server instead. Serve removes the note when it stops; a note left by a killed server names a
 * process that is gone and is ignored.
 *
 * <pre>
 * ServedStore.record(dir, new ServedStore.Server(pid, queryUrl, getUrl, maxRows, summaryUrl, token));
 * ServedStore.find(dir).map(ServedStore.Server::queryUrl);
 * </pre>
 */
public final class ServedStore {
  /** The note's file name inside the store folder. */
  public static final String FILE = "serve.url";

  private ServedStore() {}

  /**
   * A running server of the store.
   *
   * @param pid its process id
   * @param queryUrl its SPARQL query URL
   * @param graphStoreReadUrl its Graph Store Protocol read URL, which returns the whole dataset
   * @param maxRows the most rows it returns for one query
   * @param summaryUrl where it writes one summary document for this machine's commands; null when
   *     the note does not say (written by a server without it)
   * @param summaryToken the secret a request for {@code summaryUrl} carries; null with it
   */
  public record Server(
      long pid,
      String queryUrl,
      String graphStoreReadUrl,
      int maxRows,
      String summaryUrl,
      String summaryToken) {
    @Override
    public String toString() {
      return "Server[pid=" + pid + ", queryUrl=" + queryUrl + "]"; // never the token
    }
  }

  /**
   * Writes the note (beside, then moved into place, so a reader never sees half of it). It is
   * created readable by its owner only (a temporary file's permissions): it holds the summary
   * token.
   */
  public static void record(Path storeDir, Server server) {
    String text =
        "# written by 'cmograph serve' while it serves this store; removed when it stops\n"
            + "pid="
            + server.pid()
            + "\nquery="
            + server.queryUrl()
            + "\nget="
            + server.graphStoreReadUrl()
            + "\nmax-rows="
            + server.maxRows()
            + "\n"
            + (server.summaryUrl() == null
                ? ""
                : "summary="
                    + server.summaryUrl()
                    + "\nsummary-token="
                    + server.summaryToken()
                    + "\n");
    try {
      Path tmp = Files.createTempFile(storeDir, ".serve-", ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(
          tmp,
          storeDir.resolve(FILE),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + storeDir.resolve(FILE), e);
    }
  }

  /** Removes the note if this process wrote it; best effort. */
  public static void remove(Path storeDir) {
    Optional<Server> server = read(storeDir);
    if (server.isPresent() && server.get().pid() == ProcessHandle.current().pid()) {
      try {
        Files.deleteIfExists(storeDir.resolve(FILE));
      } catch (IOException e) {
        // a note left behind names a process that is gone, and is ignored
      }
    }
  }

  /** The server of the store in {@code storeDir}, if its note is there and its process alive. */
  public static Optional<Server> find(Path storeDir) {
    return read(storeDir)
        .filter(s -> ProcessHandle.of(s.pid()).map(ProcessHandle::isAlive).orElse(false));
  }

  private static Optional<Server> read(Path storeDir) {
    Path file = storeDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      if (Files.size(file) > 4096) {
        return Optional.empty();
      }
      Properties p = new Properties();
      p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
      String query = p.getProperty("query");
      String get = p.getProperty("get");
      if (query == null || get == null) {
        return Optional.empty();
      }
      return Optional.of(
          new Server(
              Long.parseLong(p.getProperty("pid", "-1").strip()),
              query.strip(),
              get.strip(),
              Integer.parseInt(p.getProperty("max-rows", "0").strip()),
              stripped(p.getProperty("summary")),
              stripped(p.getProperty("summary-token"))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // unreadable or damaged: as if there were none
    }
  }

  private static String stripped(String value) {
    return value == null ? null : value.strip();
  }
}
