package org.cmograph.store;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.cmograph.util.StrictUtf8;

/**
 * Backups of the whole store, as a file that a user can check and any RDF tool can read: the
 * canonical N-Quads of every graph ({@link CanonicalNQuads}: default graph first, then named graphs
 * in name order, lines sorted within each, blank nodes labelled by RDFC-1.0), gzip-compressed,
 * ending with one comment line that seals what is above it:
 *
 * <pre>
 * # cmograph-backup v1 quads=64796 sha256=3f9a...
 * </pre>
 *
 * The SHA-256 is of the uncompressed lines above the seal. A backup is written in one read
 * transaction (a consistent snapshot while loads go on); a restore checks the gzip stream, every
 * line's syntax, the count and the checksum before it touches the store, and then replaces all
 * graphs in one write transaction, so a damaged or truncated file changes nothing.
 *
 * <pre>
 * Backup.Summary s = Backup.write(store, out);
 * Backup.restore(Files.readAllBytes(file), otherStore);
 * </pre>
 */
public final class Backup {
  private Backup() {}

  static final String SEAL = "# cmograph-backup v1 ";
  private static final Pattern SEAL_LINE =
      Pattern.compile("# cmograph-backup v1 quads=(\\d+) sha256=([0-9a-f]{64})");

  /** What a backup holds. */
  public record Summary(long quads, int graphs, String sha256) {}

  /** A backup that cannot be trusted: damaged, truncated, not a backup at all. */
  public static final class DamagedBackupException extends RuntimeException {
    public DamagedBackupException(String message) {
      super(message);
    }
  }

  /**
   * Writes a backup of {@code dataset} to {@code out} (closing neither), in one read transaction.
   */
  public static Summary write(DatasetGraph dataset, OutputStream out) throws IOException {
    MessageDigest sha = sha256();
    GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
    DigestOutputStream content = new DigestOutputStream(gzip, sha);
    long[] quads = {0};
    int graphs =
        Txn.calculateRead(
            dataset,
            () -> {
              try {
                CanonicalNQuads.Written written = CanonicalNQuads.of(dataset).write(content);
                quads[0] = written.quads();
                return written.graphs();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    content.on(false);
    String hex = HexFormat.of().formatHex(sha.digest());
    content.write(
        (SEAL + "quads=" + quads[0] + " sha256=" + hex + "\n").getBytes(StandardCharsets.UTF_8));
    gzip.finish();
    out.flush();
    return new Summary(quads[0], graphs, hex);
  }

  /** Writes a backup of the store. */
  public static Summary write(CmoStore store, OutputStream out) throws IOException {
    return write(store.dataset(), out);
  }

  /**
   * Checks a backup without touching any store: the gzip stream is whole, the text is UTF-8, the
   * last line is the seal, the lines above it hash to its checksum and count to its count, and
   * every one of them parses as N-Quads.
   *
   * @throws DamagedBackupException saying what is wrong
   */
  public static Summary verify(byte[] compressed) {
    String[] seal = {null};
    long lines = 0;
    MessageDigest sha = sha256();
    try (BufferedReader in = reader(compressed)) {
      for (String line; (line = in.readLine()) != null; ) {
        if (seal[0] != null) {
          throw new DamagedBackupException("text follows the seal line (line " + lines + ")");
        }
        if (line.startsWith(SEAL)) {
          seal[0] = line;
          continue;
        }
        sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
        lines++;
      }
    } catch (ZipException | EOFException e) {
      throw new DamagedBackupException(
          "the gzip stream is damaged or cut short (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new DamagedBackupException("cannot read it: " + e.getMessage());
    }
    if (seal[0] == null) {
      throw new DamagedBackupException(
          "no seal line: the file is cut short, or not a cmograph backup");
    }
    Matcher m = SEAL_LINE.matcher(seal[0]);
    if (!m.matches()) {
      throw new DamagedBackupException("the seal line is damaged: " + seal[0]);
    }
    String hex = HexFormat.of().formatHex(sha.digest());
    if (!hex.equals(m.group(2))) {
      throw new DamagedBackupException("checksum mismatch: the content is not what was written");
    }
    long declared = Long.parseLong(m.group(1));
    if (declared != lines) {
      throw new DamagedBackupException(
          "the seal counts " + declared + " quads, the file holds " + lines + " lines");
    }
    long[] parsed = {0};
    java.util.Set<Node> names = new java.util.HashSet<>();
    parse(
        compressed,
        new StreamRDFBase() {
          @Override
          public void quad(Quad quad) {
            parsed[0]++;
            names.add(quad.getGraph());
          }

          @Override
          public void triple(Triple triple) {
            parsed[0]++;
            names.add(Quad.defaultGraphNodeGenerated);
          }
        });
    if (parsed[0] != declared) {
      throw new DamagedBackupException(
          "only " + parsed[0] + " of " + declared + " lines are quads");
    }
    return new Summary(declared, names.size(), hex);
  }

  /**
   * Verifies the backup, then replaces everything in {@code store} with it in one write
   * transaction. Nothing is written unless the whole backup checks out.
   *
   * @return the backup's summary, and how many quads the store held before
   */
  public static Restored restore(byte[] compressed, CmoStore store) {
    Summary summary = verify(compressed);
    DatasetGraph dataset = store.dataset();
    long before =
        Txn.calculateWrite(
            dataset,
            () -> {
              long[] had = {0};
              dataset.find().forEachRemaining(q -> had[0]++);
              dataset.clear();
              long[] added = {0};
              StreamRDF into = StreamRDFLib.dataset(dataset);
              parse(
                  compressed,
                  new org.apache.jena.riot.system.StreamRDFWrapper(into) {
                    @Override
                    public void quad(Quad quad) {
                      added[0]++;
                      super.quad(quad);
                    }

                    @Override
                    public void triple(Triple triple) {
                      added[0]++;
                      super.triple(triple);
                    }
                  });
              if (added[0] != summary.quads()) {
                // Unreachable after verify(); aborting the transaction keeps the store as it was.
                throw new DamagedBackupException(
                    "restored " + added[0] + " of " + summary.quads() + " quads");
              }
              return had[0];
            });
    return new Restored(summary, before);
  }

  /** What a restore did. */
  public record Restored(Summary backup, long quadsBefore) {}

  private static void parse(byte[] compressed, StreamRDF sink) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed), 1 << 16)) {
      // Blank node labels (canonical ones) are kept as written.
      RDFParser.source(in)
          .lang(Lang.NQUADS)
          .labelToNode(LabelToNode.createUseLabelEncoded())
          .strict(true)
          .checking(true)
          .parse(sink);
    } catch (RiotException e) {
      throw new DamagedBackupException("not valid N-Quads: " + e.getMessage());
    } catch (IOException e) {
      throw new DamagedBackupException("cannot read it: " + e.getMessage());
    }
  }

  private static BufferedReader reader(byte[] compressed) throws IOException {
    InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(compressed), 1 << 16);
    return new BufferedReader(StrictUtf8.reader(gzip));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
