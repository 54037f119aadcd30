package org.cmograph.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.cmograph.store.CmoStore;
import org.cmograph.store.Exporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cmograph export}: the store as TriG, N-Quads, Turtle or JSON-LD, or its CMOCs as CSV. */
@Command(
    name = "export",
    description = "Write the whole store (or, with --endpoint, a server's dataset) as RDF.")
final class ExportCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Option(
      names = "--format",
      defaultValue = "trig",
      description =
          "trig, nq (canonical: sorted), ttl (all graphs merged), jsonld, or csv (the studies' CMOCs"
              + " as the spreadsheet 'cmograph import' reads); default ${DEFAULT-VALUE}")
  String format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Output file (default: standard output)")
  Path out;

  @Mixin TargetOptions target;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Exporter.Format f;
    try {
      f = Exporter.Format.parse(format);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "unknown format '" + format + "'; use trig, nq, ttl, jsonld or csv");
    }
    target.checkForReading();
    Workspace ws = Workspace.current();
    try (CmoStore store = StoreReader.open(ws, target, spec.commandLine().getErr())) {
      Exporter exporter = new Exporter(store);
      if (out == null) {
        OutputStream stdout = new BufferedOutputStream(System.out);
        exporter.write(f, stdout);
        stdout.flush();
      } else {
        // Write beside the target, then move: a failed export never leaves half a file.
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".export-", ".tmp");
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp))) {
          exporter.write(f, o);
        } catch (RuntimeException | IOException e) {
          Files.deleteIfExists(tmp);
          throw e;
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    }
    return 0;
  }
}
