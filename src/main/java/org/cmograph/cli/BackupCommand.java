package org.cmograph.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.cmograph.store.Backup;
import org.cmograph.store.CmoStore;
import org.cmograph.store.EndpointUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cmograph backup --out FILE}: the whole store as sealed, gzip-compressed canonical N-Quads
 * (see {@link Backup}), taken in one read transaction. While {@code cmograph serve} holds the store
 * (TDB2 lets one process open it), the backup is read through the server ({@link StoreReader}), as
 * with {@code --endpoint}.
 */
@Command(
    name = "backup",
    description = {
      "Write the whole store to one file: gzip-compressed canonical N-Quads sealed with a SHA-256.",
      "While 'cmograph serve' runs on the store, back up through it: --endpoint URL/cmo/get."
    })
final class BackupCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Backup file, e.g. cmograph-2026-11-22.nq.gz")
  Path out;

  @Mixin TargetOptions target;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    target.checkForReading();
    PrintWriter err = spec.commandLine().getErr();
    Path parent = out.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    // Written beside the target, then moved: a failed backup never leaves a half file behind.
    Path tmp = Files.createTempFile(parent, ".backup-", ".tmp");
    Backup.Summary summary;
    String from;
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp))) {
      Workspace ws = Workspace.current();
      try (CmoStore store = StoreReader.open(ws, target, err)) {
        summary = Backup.write(store, o);
        from =
            target.remote()
                ? EndpointUrl.redacted(target.endpoint)
                : Workspace.shown(target.resolve(ws)).toString();
      }
    } catch (RuntimeException | IOException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    spec.commandLine()
        .getOut()
        .printf(
            "backed up %d quads in %d graphs from %s to %s (%d bytes, sha256 %s)%n",
            summary.quads(),
            summary.graphs(),
            from,
            Workspace.shown(out),
            Files.size(out),
            summary.sha256());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
