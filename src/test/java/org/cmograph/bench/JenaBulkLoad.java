package org.cmograph.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Jena's own bulk loader, as {@code tdb2.tdbloader} runs it (its default, the phased loader),
 * loading an N-Quads file into an empty TDB2 database in this JVM: the baseline cmograph's load is
 * compared with.
 *
 * <pre>
 * java ... org.cmograph.bench.JenaBulkLoad data.nq /tmp/jena-db
 * </pre>
 */
public final class JenaBulkLoad {
  static final String MARK = "BENCH-JENA";

  private JenaBulkLoad() {}

  /** Quads loaded and milliseconds taken. */
  record Loaded(long quads, long ms) {}

  static Loaded load(Path nquads, Path database) {
    DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(database.toString()));
    try {
      long start = System.nanoTime();
      DataLoader loader = LoaderFactory.createLoader(dsg, (format, args) -> {});
      loader.startBulk();
      try {
        loader.load(List.of(nquads.toString()));
        loader.finishBulk();
      } catch (RuntimeException e) {
        loader.finishException(e);
        throw e;
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      return new Loaded(loader.countQuads() + loader.countTriples(), ms);
    } finally {
      TDBInternal.expel(dsg);
    }
  }

  public static void main(String[] args) {
    HeapPeak.start();
    Loaded l = load(Path.of(args[0]), Path.of(args[1]));
    System.err.printf(
        Locale.ROOT,
        "%s quads=%d ms=%d cpuMs=%d peakHeapMiB=%.1f afterGcHeapMiB=%.1f%n",
        MARK,
        l.quads(),
        l.ms(),
        ChildMain.cpuMs(),
        HeapPeak.peakMiB(),
        HeapPeak.afterGcMiB());
  }
}
