package org.cmograph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.cmograph.rdf.Iris;
import org.cmograph.store.CmoStore;
import org.cmograph.store.EndpointUrl;
import org.cmograph.store.RemoteDataset;
import org.cmograph.store.RemoteGraphStore;
import org.cmograph.store.ServedStore;
import org.cmograph.store.StoreException;
import org.cmograph.store.StudyGraphs;

/**
 * What the reading commands ({@code summary}, {@code export}, {@code diff}, {@code backup}) read:
 * the store folder; or, when a running {@code cmograph serve} holds it (TDB2 lets one process open
 * a store), a copy of its dataset read through that server ({@link ServedStore}); or the dataset of
 * the server {@code --endpoint} names. {@code query} asks the server itself ({@link #server});
 * {@code diff} reads one study graph at a time ({@link #studyGraphs}).
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

  /** Study graphs read one at a time, for {@code diff}; the caller closes it. */
  interface StudySource extends AutoCloseable {
    /** A copy of the study's graph; empty when the store does not hold the study. */
    Graph graph(String studyId);

    @Override
    void close();
  }

  /**
   * Study graphs from what {@code target} names: the store folder; or, when a running {@code
   * cmograph serve} holds it, or with {@code --endpoint}, the server's Graph Store, one graph per
   * study ({@code GET ...?graph=IRI}), never the whole dataset.
   */
  static StudySource studyGraphs(Workspace ws, TargetOptions target, PrintWriter err) {
    if (target.remote()) {
      return remote(target.endpoint, target.credentials);
    }
    CmoStore store;
    try {
      store = Studies.open(ws, target.storeOptions, err);
    } catch (StoreException.Locked locked) {
      return remote(server(target.resolve(ws), locked, err).graphStoreReadUrl(), null);
    }
    return new StudySource() {
      @Override
      public Graph graph(String studyId) {
        return StudyGraphs.copyOf(store, studyId);
      }

      @Override
      public void close() {
        store.close();
      }
    };
  }

  private static StudySource remote(String getUrl, RemoteGraphStore.Credentials credentials) {
    return new StudySource() {
      @Override
      public Graph graph(String studyId) {
        return RemoteDataset.readGraph(getUrl, Iris.studyGraph(studyId), credentials);
      }

      @Override
      public void close() {}
    };
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
