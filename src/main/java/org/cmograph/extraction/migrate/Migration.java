package org.cmograph.extraction.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.cmograph.extraction.DocumentReader;
import org.cmograph.extraction.Position;
import org.cmograph.extraction.PositionedDocument;
import org.cmograph.extraction.Problem;
import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * Turns the text of a first-format extraction file (or programme theory, see {@link
 * TheoryMigration}) into the text of a format 2 file, losing nothing: study-level contexts and
 * outcomes, context links with roles, {@code kind}s, {@code reasoning}, {@code not_reported},
 * {@code cmocs} lists. Where a person must decide (a role the first format left to its default, a
 * quote that reads like a method statement) it writes a {@code # CHECK} comment. YAML is edited in
 * place, so its comments and layout stay; JSON, which has no comments, is rewritten and its checks
 * are returned instead.
 *
 * <pre>
 * Migration.Result r = new Migration().migrate(Path.of("data/studies/gillard-2024.yaml"));
 * if (r.outcome() == Migration.Outcome.MIGRATED) Files.writeString(r.file(), r.text());
 * </pre>
 */
public final class Migration {
  /** What a migration found. */
  public enum Outcome {
    /** A first-format file, converted: {@link Result#text()} is the new text. */
    MIGRATED,
    /** Already format 2: nothing to do. */
    ALREADY_FORMAT_2,
    /** Not an extraction file (no study mapping, no evidence list): left alone. */
    NOT_AN_EXTRACTION,
    /** The file cannot be read or parsed: see {@link Result#problems()}. */
    FAILED
  }

  /**
   * One file's migration. {@code marks} counts the {@code # CHECK} comments written; {@code
   * unmarked} holds the checks a JSON file could not carry, as {@code POINTER: message}.
   */
  public record Result(
      Path file,
      Outcome outcome,
      String text,
      int marks,
      List<String> unmarked,
      boolean json,
      List<Problem> problems) {}

  private final DocumentReader reader = new DocumentReader();
  private final Path sourcesDir;
  private final Predicate<String> knownMechanism;

  /** Source texts are looked up in the {@code sources/} folder beside each file's folder. */
  public Migration() {
    this(null);
  }

  /** Source texts are looked up in {@code sourcesDir} (null: beside each file's folder). */
  public Migration(Path sourcesDir) {
    this(sourcesDir, concept -> true);
  }

  /**
   * As {@link #Migration(Path)}, and a mechanism concept that {@code knownMechanism} refuses (one
   * the format 2 catalogue no longer holds as a mechanism) is marked for a person to decide.
   */
  public Migration(Path sourcesDir, Predicate<String> knownMechanism) {
    this.sourcesDir = sourcesDir;
    this.knownMechanism = knownMechanism;
  }

  /** Reads and converts one file; writes nothing. */
  public Result migrate(Path file) {
    List<Problem> problems = new ArrayList<>();
    Optional<PositionedDocument> doc = reader.read(file, problems);
    if (doc.isEmpty()) {
      return failed(file, problems);
    }
    return migrate(doc.get(), problems);
  }

  /** Converts text already in memory, as if read from {@code file}. */
  public Result migrate(Path file, String text) {
    List<Problem> problems = new ArrayList<>();
    Optional<PositionedDocument> doc = reader.parse(file, text, problems);
    if (doc.isEmpty()) {
      return failed(file, problems);
    }
    return migrate(doc.get(), problems);
  }

  private Result migrate(PositionedDocument doc, List<Problem> problems) {
    Path file = doc.file();
    boolean json = file.getFileName().toString().toLowerCase().endsWith(".json");
    JsonNode root = doc.root();
    if (!root.isObject()) {
      problems.add(
          Problem.error(
              file,
              Position.START,
              "MIGRATE-NOT-A-MAPPING",
              "an extraction file is a mapping of study, source, cmocs, ...; this file holds a "
                  + root.getNodeType().toString().toLowerCase()));
      return failed(file, problems);
    }
    JsonNode format = root.get("format");
    if (format != null) {
      if (format.isIntegralNumber() && format.asInt() == 2) {
        return new Result(
            file, Outcome.ALREADY_FORMAT_2, doc.text(), 0, List.of(), json, List.of());
      }
      problems.add(
          Problem.error(
              file,
              doc.valueAt("/format"),
              "MIGRATE-UNKNOWN-FORMAT",
              "format "
                  + format
                  + " is not one cmograph knows; migrate converts first-format"
                  + " files (no format key) to format 2"));
      return failed(file, problems);
    }
    if (org.cmograph.extraction.TheoryValidator.isFirstFormat(root)) {
      return theory(doc, json, problems);
    }
    if (!root.path("study").isObject() && !root.path("evidence").isArray()) {
      // A code mapping for imports (study: ID, evidence: {defaults}) or another YAML file.
      return new Result(file, Outcome.NOT_AN_EXTRACTION, doc.text(), 0, List.of(), json, List.of());
    }
    Function<String, Optional<String>> sources = name -> sourceText(file, name);
    String text = doc.text();
    boolean bom = text.startsWith("\uFEFF");
    String body = bom ? text.substring(1) : text;
    String nl = body.contains("\r\n") ? "\r\n" : "\n";
    Optional<MappingNode> blockRoot = json ? Optional.empty() : YamlMigration.blockRoot(body);
    if (blockRoot.isPresent()) {
      YamlMigration yaml = new YamlMigration(body, sources, knownMechanism);
      String out = yaml.migrate(blockRoot.get());
      return new Result(
          file,
          Outcome.MIGRATED,
          (bom ? "\uFEFF" : "") + out,
          yaml.checks(),
          List.of(),
          false,
          List.of());
    }
    TreeMigration tree = new TreeMigration(sources, knownMechanism);
    ObjectNode out = tree.migrate((ObjectNode) root);
    return new Result(
        file,
        Outcome.MIGRATED,
        (bom ? "\uFEFF" : "") + TreeMigration.write(out, nl),
        0,
        List.copyOf(tree.checks()),
        true,
        List.of());
  }

  /** A first-format programme theory, converted as text (block YAML only: JSON has no comments). */
  private Result theory(PositionedDocument doc, boolean json, List<Problem> problems) {
    String text = doc.text();
    boolean bom = text.startsWith("\uFEFF");
    String body = bom ? text.substring(1) : text;
    Optional<MappingNode> blockRoot = json ? Optional.empty() : YamlMigration.blockRoot(body);
    if (blockRoot.isEmpty()) {
      problems.add(
          Problem.error(
              doc.file(),
              Position.START,
              "MIGRATE-THEORY-LAYOUT",
              "a first-format programme theory is converted as block YAML only (its # CHECK marks"
                  + " need comments); write it as YAML, then migrate it"));
      return failed(doc.file(), problems);
    }
    TheoryMigration theory = new TheoryMigration(body);
    String out = theory.migrate(blockRoot.get());
    return new Result(
        doc.file(),
        Outcome.MIGRATED,
        (bom ? "\uFEFF" : "") + out,
        theory.checks(),
        List.of(),
        false,
        List.of());
  }

  private Optional<String> sourceText(Path file, String name) {
    if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
      return Optional.empty();
    }
    Path dir = sourcesDir;
    if (dir == null) {
      Path folder = file.toAbsolutePath().getParent();
      if (folder == null || folder.getParent() == null) {
        return Optional.empty();
      }
      dir = folder.getParent().resolve("sources");
    }
    Path source = dir.resolve(name);
    try {
      return Files.isRegularFile(source)
          ? Optional.of(Files.readString(source, StandardCharsets.UTF_8))
          : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // the check is a hint; validate reports unreadable sources
    }
  }

  private static Result failed(Path file, List<Problem> problems) {
    return new Result(file, Outcome.FAILED, null, 0, List.of(), false, List.copyOf(problems));
  }
}
