package org.cmograph.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cmograph.extraction.sources.SourceRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cmograph new STUDY-ID [--source FILE]}: a commented extraction template to fill in; with
 * {@code --source}, the source is registered too and the study's fields it gives are filled.
 */
@Command(name = "new", description = "Start an extraction file from a commented template.")
final class NewCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Parameters(paramLabel = "STUDY-ID", description = "Short slug, e.g. smith-2023")
  String id;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Folder to write into (default: data/studies)")
  Path dir;

  @Option(names = "--force", description = "Overwrite an existing file")
  boolean force;

  @Option(
      names = "--source",
      paramLabel = "FILE",
      description =
          "The study's source (PDF, JATS XML, HTML or text): registered as data/sources/STUDY-ID.txt"
              + " (as 'source add' does) and the study's title, authors, journal, year and DOI filled"
              + " from what it gives")
  Path source;

  @Mixin SourcesOption sourcesOption;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Slug.require(spec, id, "study");
    Workspace ws = Workspace.current();
    Path folder = dir != null ? dir : ws.studiesDir();
    Path file = folder.resolve(id + ".yaml");
    if (Files.exists(file) && !force) {
      throw new CliException(
          ErrorCode.ALREADY_EXISTS,
          Workspace.shown(file) + " already exists (use --force to overwrite)");
    }
    Files.createDirectories(folder);
    Path schema = ws.home().resolve("schema").resolve("extraction.schema.json");
    String schemaRef =
        Files.exists(schema)
            ? folder.toAbsolutePath().normalize().relativize(schema).toString().replace('\\', '/')
            : "https://w3id.org/cmograph/schema/extraction.schema.json";
    String template;
    try (InputStream in = NewCommand.class.getResourceAsStream("/templates/extraction.yaml")) {
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    template =
        template
            .replace("{{schema}}", schemaRef)
            .replace("{{id}}", id)
            .replace("{{date}}", LocalDate.now().toString());
    List<String> filled = new ArrayList<>();
    if (source != null) {
      Path sourceFolder = sourcesOption.orElse(ws.dataDir().resolve("sources"));
      SourceRegistry.Registered r = SourceAddCommand.register(source, id, sourceFolder, false);
      SourceAddCommand.print(r, spec.commandLine().getOut(), false);
      template =
          StudyFields.fill(template, r.text().getFileName().toString(), r.source().map(), filled);
    }
    Files.writeString(file, template, StandardCharsets.UTF_8);
    spec.commandLine().getOut().println("wrote " + Workspace.shown(file));
    if (source != null) {
      spec.commandLine()
          .getOut()
          .println(
              filled.isEmpty()
                  ? "  the source gives none of the study's fields: fill them in by hand"
                  : "  filled from the source: " + String.join(", ", filled) + " (check them)");
    }
    spec.commandLine()
        .getOut()
        .println("next: fill it in, then run: cmograph validate " + Workspace.shown(file));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
