package org.cmograph.testing;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import org.cmograph.store.CmoStore;
import org.cmograph.store.Exporter;
import org.cmograph.util.Hashes;

/**
 * The canonical hash of a store: SHA-256 of its canonical N-Quads export (graphs in name order,
 * lines sorted). Equal hashes mean equal content, whatever the files on disk look like.
 */
public final class StoreHash {
  private StoreHash() {}

  public static String of(CmoStore store) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new Exporter(store).write(Exporter.Format.NQ, out);
    return Hashes.sha256(out.toByteArray());
  }

  /** Opens the store folder, hashes it and closes it again (releasing TDB2's lock). */
  public static String of(Path storeDir) {
    try (CmoStore store = CmoStore.open(storeDir)) {
      return of(store);
    }
  }
}
