package org.cmograph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.cmograph.generate.ExtractionProfile;
import org.cmograph.generate.SyntheticStudies;
import org.cmograph.rdf.ReferenceData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cmograph generate --studies N --seed S --out DIR}: synthetic studies for benchmarks,
 * shaped like the bundled ones, with their source texts; they pass {@code cmograph validate DIR}.
 */
@Command(
    name = "generate",
    description =
        "Write synthetic extraction files and their source texts (for benchmarks): DIR/studies/"
            + " and DIR/sources/. The same seed gives the same files.")
final class GenerateCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Option(names = "--studies", required = true, paramLabel = "N", description = "How many studies")
  int studies;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "S",
      description = "Random seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Folder to write into; its studies/ must be empty or absent")
  Path out;

  @Option(
      names = "--from",
      paramLabel = "DIR",
      description = "Extraction files whose shape to imitate (default: the bundled data/studies)")
  Path from;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (studies < 1 || studies > 999_999) {
      throw new ParameterException(spec.commandLine(), "--studies must be between 1 and 999999");
    }
    Path studiesDir = out.resolve("studies");
    if (Files.isDirectory(studiesDir)) {
      try (Stream<Path> s = Files.list(studiesDir)) {
        if (s.findAny().isPresent()) {
          throw new CliException(
              ErrorCode.ALREADY_EXISTS,
              Workspace.shown(studiesDir) + " is not empty; choose another --out");
        }
      }
    }
    Workspace ws = Workspace.current();
    ReferenceData reference = ReferenceData.load(ws.ontologyDir());
    Path model = from != null ? from : ws.studiesDir();
    ExtractionProfile profile;
    try {
      profile = ExtractionProfile.of(model, reference.concepts());
    } catch (IllegalArgumentException e) {
      throw new CliException(ErrorCode.DATA_INVALID, e.getMessage());
    }
    long start = System.nanoTime();
    SyntheticStudies.Written w =
        new SyntheticStudies(profile, reference.concepts().conceptIds(), seed).write(studies, out);
    PrintWriter o = spec.commandLine().getOut();
    o.println(profile.summary());
    o.printf(
        "wrote %d studies (%d evidence items, %.1f MB) to %s in %d ms%n",
        w.studies(),
        w.evidenceItems(),
        w.bytes() / 1e6,
        Workspace.shown(out),
        (System.nanoTime() - start) / 1_000_000);
    o.flush();
    return 0;
  }
}
