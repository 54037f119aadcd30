package org.cmograph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cmograph.store.Backup;
import org.cmograph.store.CmoStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cmograph restore FILE}: checks a backup whole (gzip, syntax, count, SHA-256) before it
 * touches the store, then replaces every graph with the backup's in one write transaction.
 */
@Command(
    name = "restore",
    description = {
      "Replace the whole store with a backup made by 'cmograph backup'.",
      "The file is checked first (gzip, N-Quads syntax, count, SHA-256); a damaged one changes nothing."
    })
final class RestoreCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Parameters(paramLabel = "FILE", description = "A backup written by 'cmograph backup'")
  Path file;

  @Mixin StoreOptions storeOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    byte[] compressed;
    try {
      // Read once: what is checked is exactly what is restored, even if the file changes meanwhile.
      compressed = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new CliException(ErrorCode.NOT_FOUND, "no such file: " + file);
    }
    Backup.Summary checked;
    try {
      checked = Backup.verify(compressed);
    } catch (Backup.DamagedBackupException e) {
      throw new CliException(
          ErrorCode.BACKUP_DAMAGED,
          "backup " + file + " is damaged: " + e.getMessage() + "; the store was not touched");
    }
    out.printf(
        "%s is intact: %d quads in %d graphs, sha256 %s%n",
        file, checked.quads(), checked.graphs(), checked.sha256());
    Path dir = storeOptions.resolve(Workspace.current());
    try (CmoStore store = CmoStore.open(dir)) {
      Backup.Restored r = Backup.restore(compressed, store);
      out.printf(
          "restored %d quads into %s (it held %d before)%n",
          r.backup().quads(), Workspace.shown(dir), r.quadsBefore());
    }
    out.flush();
    return 0;
  }
}
