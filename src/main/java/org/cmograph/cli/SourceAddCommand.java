package org.cmograph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cmograph.extraction.sources.SourceMap;
import org.cmograph.extraction.sources.SourceRegistry;
import org.cmograph.extraction.sources.UnreadableSourceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cmograph source add FILE --id ID}: turns the file a researcher has into a registered
 * source text and its page/section map, and says what it found.
 *
 * <pre>
 * cmograph source add ~/papers/smith-2023.pdf --id smith-2023
 * cmograph source add PMC1234567.nxml --id smith-2023 --sources data/sources
 * </pre>
 */
@Command(
    name = "add",
    description =
        "Register FILE (PDF, JATS XML, HTML or plain text) as data/sources/ID.txt with its"
            + " page/section map ID.map.json; prints the pages, sections and characters found.")
final class SourceAddCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "A .pdf, .xml/.nxml (JATS), .html or .txt file")
  Path file;

  @Option(
      names = "--id",
      required = true,
      paramLabel = "ID",
      description = "The source's id, e.g. smith-2023: it becomes ID.txt, named by source.file")
  String id;

  @Mixin SourcesOption sourcesOption;

  @Option(names = "--force", description = "Replace a source already registered under ID")
  boolean force;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Slug.require(spec, id, "source");
    Path folder = sourcesOption.orElse(Workspace.current().dataDir().resolve("sources"));
    print(register(file, id, folder, force), spec.commandLine().getOut(), true);
    return 0;
  }

  /** Registers {@code file} as {@code folder/ID.txt}; every failure is a CliException (exit 1). */
  static SourceRegistry.Registered register(Path file, String id, Path folder, boolean force)
      throws IOException {
    try {
      return new SourceRegistry(folder).register(file, id, force);
    } catch (UnreadableSourceException e) {
      throw new CliException(ErrorCode.SOURCE_REFUSED, e.getMessage() + "; nothing was written");
    } catch (FileAlreadyExistsException e) {
      throw new CliException(
          ErrorCode.ALREADY_EXISTS,
          Workspace.shown(Path.of(e.getFile()))
              + " already exists (source '"
              + id
              + "' is registered; use --force to replace it)");
    } catch (java.nio.file.NoSuchFileException e) {
      throw new CliException(ErrorCode.NOT_FOUND, e.getFile() + ": no such file");
    }
  }

  /** What was registered; with {@code next}, the hint to name it in an extraction file. */
  static void print(SourceRegistry.Registered r, PrintWriter out, boolean next) {
    SourceMap map = r.source().map();
    out.printf(
        "registered %s from %s (%s)%n",
        Workspace.shown(r.text()),
        r.source().map().original(),
        r.format().name().toLowerCase(java.util.Locale.ROOT));
    out.printf("  %d characters", map.characters());
    if (!map.pages().isEmpty()) {
      out.printf(", %d page%s", map.pages().size(), map.pages().size() == 1 ? "" : "s");
    }
    out.printf(", %d section%s%n", map.sections().size(), map.sections().size() == 1 ? "" : "s");
    for (SourceMap.Section s : map.sections()) {
      out.printf(
          "  %s%s%s%n",
          "  ".repeat(Math.max(0, s.level() - 1)), s.title(), s.apart() ? " (kept apart)" : "");
    }
    if (!map.joins().isEmpty()) {
      out.printf("  %d word(s) hyphenated at a line end joined%n", map.joins().size());
    }
    if (!map.furniture().isEmpty()) {
      out.printf(
          "  %d running header(s), footer(s) or page number(s) kept out of the text%n",
          map.furniture().size());
    }
    SourceMap.FrontMatter f = map.front();
    if (f != null) {
      out.println("  the source gives (for the study's fields):");
      line(out, "title", f.title());
      line(
          out,
          "authors",
          f.authors() == null || f.authors().isEmpty() ? null : String.join("; ", f.authors()));
      line(out, "journal", f.journal());
      line(out, "year", f.year() == null ? null : f.year().toString());
      line(out, "doi", f.doi());
    }
    List<String> unread = map.unread();
    for (String u : unread) {
      out.println("  could not read: " + u);
    }
    out.printf("  map: %s%n", Workspace.shown(r.map()));
    if (next) {
      out.printf(
          "next: name it in the extraction file (source: {file: %s})%n", r.text().getFileName());
    }
    out.flush();
  }

  private static void line(PrintWriter out, String name, String value) {
    if (value != null && !value.isBlank()) {
      out.printf("    %-8s %s%n", name + ":", value);
    }
  }
}
