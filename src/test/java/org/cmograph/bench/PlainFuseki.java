package org.cmograph.bench;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;

/**
 * A plain Fuseki over a TDB2 store, without cmograph's guards (no time limit, no row cap, no
 * request checks), with the union default graph so the catalogue's queries give the same answers:
 * the baseline the endpoint is compared with.
 *
 * <pre>
 * java ... org.cmograph.bench.PlainFuseki /tmp/store 3031
 * </pre>
 */
public final class PlainFuseki {
  static final String READY = "PLAIN-FUSEKI-READY";

  private PlainFuseki() {}

  static FusekiServer start(DatasetGraph dsg, int port) {
    dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
    return FusekiServer.create().loopback(true).port(port).add("/cmo", dsg).build().start();
  }

  public static void main(String[] args) {
    DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(args[0]));
    FusekiServer server = start(dsg, Integer.parseInt(args[1]));
    System.out.println(READY + " " + server.getPort());
    System.out.flush();
    server.join();
  }
}
