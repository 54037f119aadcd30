package org.cmograph.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.jena.dboe.sys.Names;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.thrift.ThriftConvert;
import org.apache.jena.riot.thrift.wire.RDF_Term;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.transport.TMemoryInputTransport;
import org.apache.thrift.transport.TTransportException;

/**
 * Decodes many of a TDB2 store's nodes at once, in the order they lie in its node file.
 *
 * <p>TDB2 reads one node at a time through an unbuffered file: the Thrift decoder asks for a few
 * bytes at a time and each ask is a seek and a read system call, about 20 µs a node (a JFR profile
 * of a one-mechanism summary at 10,000 studies spent most of its copying there). Here the ids are
 * sorted by file position and read through a 64 KiB window, one positional read per window, and
 * each node is decoded from memory with the same Thrift term and converter TDB2 uses: 64,000 nodes
 * in ~0.15 s instead of ~1.4 s.
 *
 * <p>The node file is append-only and a node id is its position in it, so the bytes of every id a
 * read transaction sees are final (an aborted write truncates back past what was committed only).
 * Reads are positional, so they never move the file position TDB2's own reads use. The first
 * decoded node is compared with the node table's answer, and on any disagreement or failure the
 * node table decodes instead: a layout other than the one this was written against (Jena 5) costs
 * speed, never correctness.
 *
 * <pre>
 * try (StoredNodes nodes = StoredNodes.open(dataset)) { // inside a read transaction
 *   nodes.decode(ids, decoded);
 * }
 * </pre>
 */
public final class StoredNodes implements AutoCloseable {
  private static final int WINDOW = 1 << 16;

  private final NodeTable table;

  /** The node file, or null to decode through {@link #table}. */
  private FileChannel file;

  private boolean checked;
  private byte[] buffer = new byte[WINDOW];
  private long windowStart = -1;
  private int windowLength;
  private final TMemoryInputTransport transport;
  private final TCompactProtocol protocol;

  private StoredNodes(NodeTable table, FileChannel file) throws TTransportException {
    this.table = table;
    this.file = file;
    this.transport = new TMemoryInputTransport();
    this.protocol = new TCompactProtocol(transport);
  }

  /**
   * Nodes of a TDB2 dataset, to be used inside one of its transactions (a compacted store moves to
   * another node file); null for any other dataset.
   */
  public static StoredNodes open(DatasetGraph dataset) {
    if (!TdbInternals.isTdb2(dataset)) {
      return null;
    }
    DatasetGraphTDB tdb = TdbInternals.storage(dataset);
    NodeTable table = tdb.getQuadTable().getNodeTupleTable().getNodeTable();
    FileChannel file = null;
    if (!tdb.getLocation().isMem()) {
      Path path =
          Path.of(
              tdb.getLocation().getDirectoryPath(),
              tdb.getStoreParams().getNodeTableBaseName() + "-data." + Names.extObjNodeData);
      try {
        file = Files.isRegularFile(path) ? FileChannel.open(path, StandardOpenOption.READ) : null;
      } catch (IOException e) {
        file = null;
      }
    }
    try {
      return new StoredNodes(table, file);
    } catch (TTransportException e) {
      throw new IllegalStateException("cannot set up a Thrift decoder", e);
    }
  }

  /**
   * Puts the node of each stored id into {@code into}, skipping ids already there. Inline ids
   * (numbers, dates, booleans: the value is in the id) are left out: {@link NodeId#equals} compares
   * values only, so an inline 2 equals the stored node at position 2 and the two cannot share a
   * map; {@link #node(NodeId, Map)} looks either up.
   */
  public void decode(Collection<NodeId> ids, Map<NodeId, Node> into) {
    List<NodeId> todo = new ArrayList<>();
    for (NodeId id : ids) {
      if (!NodeId.isInline(id) && !into.containsKey(id)) {
        todo.add(id);
      }
    }
    todo.sort(Comparator.comparingLong(NodeId::getPtrLocation));
    for (NodeId id : todo) {
      if (!into.containsKey(id)) {
        into.put(id, stored(id));
      }
    }
  }

  /**
   * True once nodes have come from the node file (checked against the node table), false while they
   * come from the node table: for tests, which must see the fast path taken.
   */
  public boolean readsFile() {
    return file != null && checked;
  }

  /**
   * The node of {@code id}: an inline one from the id itself, a stored one from {@code decoded}.
   */
  public static Node node(NodeId id, Map<NodeId, Node> decoded) {
    return NodeId.isInline(id) ? NodeId.extract(id) : decoded.get(id);
  }

  /** The node of one stored (not inline) id. */
  private Node stored(NodeId id) {
    if (file != null) {
      try {
        Node n = read(id.getPtrLocation());
        if (checked) {
          return n;
        }
        // Once: the first node read must be the node table's, or the file is not laid out as
        // this class expects and the node table decodes from here on.
        Node expected = table.getNodeForNodeId(id);
        checked = n.equals(expected);
        if (checked) {
          return n;
        }
        dropFile();
        return expected;
      } catch (IOException | TException | RuntimeException e) {
        dropFile();
      }
    }
    return table.getNodeForNodeId(id);
  }

  /** Decodes the Thrift term at {@code position}, refilling the window when it does not hold it. */
  private Node read(long position) throws IOException, TException {
    for (int attempt = 0; ; attempt++) {
      boolean inWindow =
          windowStart >= 0 && position >= windowStart && position - windowStart < windowLength;
      if (!inWindow || attempt > 0) {
        if (attempt > 0 && position == windowStart && windowLength == buffer.length) {
          buffer = new byte[buffer.length * 2]; // a term longer than the window: a bigger one
        } else if (attempt > 0 && windowStart == position) {
          throw new TTransportException("node at " + position + " runs past the end of the file");
        }
        fill(position);
      }
      int offset = (int) (position - windowStart);
      transport.reset(buffer, offset, windowLength - offset);
      try {
        RDF_Term term = new RDF_Term();
        term.read(protocol);
        return ThriftConvert.convert(term);
      } catch (TTransportException e) {
        if (attempt > 8) {
          throw e;
        }
        // The term runs past the window: read again from its start.
      }
    }
  }

  private void fill(long position) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(buffer);
    while (b.hasRemaining()) {
      int n = file.read(b, position + b.position());
      if (n < 0) {
        break;
      }
    }
    windowStart = position;
    windowLength = b.position();
  }

  private void dropFile() {
    try {
      if (file != null) {
        file.close();
      }
    } catch (IOException ignored) {
      // read-only: nothing to lose
    }
    file = null;
  }

  @Override
  public void close() {
    dropFile();
  }
}
