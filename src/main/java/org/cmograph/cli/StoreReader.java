package org.cmograph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.cmograph.store.CmoStore;
import org.cmograph.store.EndpointUrl;
import org.cmograph.store.RemoteDataset;
import org.cmograph.store.ServedStore;
import org.cmograph.store.StoreException;

/**
 * What the reading commands ({@code summary}, {@code export}, {@code diff}, {@code backup}) read:
 * the store folder; or, when a running {@code cmograph serve} holds it (TDB2 lets one process open
 * a store), a copy of its dataset read through that server ({@link ServedStore}); or the dataset of
 * the server {@code --endpoint} names. {@code query} asks the server itself ({@link #server}).
 */
final class StoreReader {
  private StoreReader() {}

  /** Opens what {@code target} names for reading; the caller closes it. */
  static CmoStore open(Workspace ws, TargetOptions target, PrintWriter err) {
    if (target.remote()) {
      return RemoteDataset.read(target.endpoint, null, target.credentials);
    }
    try {
      return Studies.open(ws, target.storeOptions, err);
    } catch (StoreException.Locked locked) {
      ServedStore.Server server = server(target.resolve(ws), locked, err);
      return RemoteDataset.read(server.graphStoreReadUrl(), server.queryUrl(), null);
    }
  }

  /**
   * The running {@code cmograph serve} that holds the store in {@code dir}, announced on standard
   * error; or {@code locked} rethrown when the store is locked by something else.
   */
  static ServedStore.Server server(Path dir, StoreException.Locked locked, PrintWriter err) {
    Optional<ServedStore.Server> server = ServedStore.find(dir);
    if (server.isEmpty()) {
      throw locked;
    }
    err.println(
        "note: "
            + Workspace.shown(dir)
            + " is served by 'cmograph serve' (process "
            + server.get().pid()
            + "); reading it through "
            + EndpointUrl.redacted(server.get().queryUrl()).replaceFirst("/sparql$", "/"));
    err.flush();
    return server.get();
  }
}
