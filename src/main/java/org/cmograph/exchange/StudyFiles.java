package org.cmograph.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cmograph.extraction.DocumentReader;
import org.cmograph.extraction.Position;
import org.cmograph.extraction.PositionedDocument;
import org.cmograph.extraction.Problem;

/**
 * Decides where each imported study goes and what its file says: a new file, or an existing one
 * (named by {@code --base}, or the target itself with {@code --force}) whose study facts, actors
 * and comments are kept while its contexts, outcomes, CMOCs and evidence are replaced. Nothing is
 * written here; every reason not to write is a problem.
 */
public final class StudyFiles {
  private StudyFiles() {}

  /**
   * @param out the target file (one study only), or null
   * @param outDir the folder for {@code ID.yaml} files when {@code out} is null
   * @param base an extraction whose study facts to keep, or null
   * @param schema the extraction schema file, to reference relatively, or null for its URL
   * @param today the date recorded for a new file when {@code date} is null
   */
  public record Settings(
      Path out,
      Path outDir,
      Path base,
      String title,
      String source,
      String extractor,
      String date,
      boolean force,
      Path schema,
      String today) {}

  /** One file to write. */
  public record Planned(StudyDraft draft, Path file, String text, boolean replaces) {}

  public static final String SCHEMA_URL = "https://w3id.org/cmograph/schema/extraction.schema.json";

  public static List<Planned> plan(List<StudyDraft> drafts, Settings s, List<Problem> problems) {
    List<Planned> out = new ArrayList<>();
    if (drafts.size() > 1 && (s.out() != null || s.base() != null || s.title() != null)) {
      problems.add(
          Problem.error(
              drafts.get(0).origin(),
              Position.START,
              "IMPORT-MANY-STUDIES",
              "the file holds "
                  + drafts.size()
                  + " studies; --out, --base and --title name one"
                  + " study's file: choose one with --study, or use --out-dir"));
      return out;
    }
    DocumentReader reader = new DocumentReader();
    for (StudyDraft d : drafts) {
      Path file = s.out() != null ? s.out() : s.outDir().resolve(d.id() + ".yaml");
      boolean exists = Files.exists(file);
      if (exists && !s.force()) {
        problems.add(
            Problem.error(
                file,
                Position.START,
                "IMPORT-EXISTS",
                "already exists; add --force to replace its contexts, outcomes, cmocs and evidence"
                    + " (its study, source, programme, actors and extraction sections are kept)"));
        continue;
      }
      Path basePath = s.base() != null ? s.base() : exists ? file : null;
      String text;
      if (basePath != null) {
        List<Problem> baseProblems = new ArrayList<>();
        Optional<PositionedDocument> base = reader.read(basePath, baseProblems);
        if (base.isEmpty() || !base.get().root().isObject()) {
          problems.addAll(baseProblems);
          if (base.isPresent()) {
            problems.add(
                Problem.error(
                    basePath, Position.START, "IMPORT-BAD-BASE", "not an extraction file"));
          }
          continue;
        }
        JsonNode root = base.get().root();
        if (!root.path("format").canConvertToExactIntegral() || root.path("format").asInt() != 2) {
          problems.add(
              Problem.error(
                  basePath,
                  Position.START,
                  "IMPORT-BAD-BASE",
                  "a first-format extraction file: the import writes format 2; convert it first"
                      + " with 'cmograph migrate "
                      + basePath
                      + "'"));
          continue;
        }
        String baseId = root.path("study").path("id").asText(null);
        if (!d.id().equals(baseId)) {
          problems.add(
              Problem.error(
                  basePath,
                  base.get().valueAt("/study/id"),
                  "IMPORT-BAD-BASE",
                  "the base file is for study '" + baseId + "', not '" + d.id() + "'"));
          continue;
        }
        Optional<String> spliced = ExtractionFileWriter.splice(base.get(), d);
        if (spliced.isEmpty()) {
          // Rewriting the whole file would drop the researcher's comments and layout: refuse.
          problems.add(
              Problem.error(
                  basePath,
                  Position.START,
                  "IMPORT-BAD-BASE",
                  "cannot replace only the contexts, outcomes, cmocs and evidence of this file: they"
                      + " must be block-style YAML sections starting at the left margin (a JSON file"
                      + " cannot be updated)"));
          continue;
        }
        text = spliced.get();
      } else {
        String title = s.title() != null ? s.title() : d.title();
        if (title == null) {
          problems.add(
              Problem.error(
                  d.origin(),
                  Position.START,
                  "IMPORT-NO-TITLE",
                  "study '"
                      + d.id()
                      + "' has no title: add a 'title' column, or give --title"
                      + " (or --base with an extraction that has one)"));
          continue;
        }
        String source = s.source() != null ? s.source() : d.source();
        if (source == null) {
          problems.add(
              Problem.warning(
                  d.origin(),
                  Position.START,
                  "IMPORT-NO-SOURCE",
                  "study '"
                      + d.id()
                      + "' registers no source text, so its quotes cannot be proved"
                      + " verbatim: add a 'source' column or give --source NAME (a file under"
                      + " data/sources/)"));
        }
        ExtractionFileWriter.StudyFacts facts =
            new ExtractionFileWriter.StudyFacts(
                title,
                source,
                source == null ? "no source text was registered when the study was imported" : null,
                s.extractor() != null ? s.extractor() : "unknown",
                s.date() != null ? s.date() : s.today(),
                null);
        text = ExtractionFileWriter.newFile(d, facts, schemaRef(file, s), intro(d, s));
      }
      out.add(new Planned(d, file, text, exists));
    }
    return out;
  }

  private static List<String> intro(StudyDraft d, Settings s) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Imported from "
            + d.origin().getFileName()
            + " by 'cmograph import'. Check every line"
            + " against the source;");
    lines.add("fill in the study's facts (authors, year, design, ...) from the publication.");
    if (!d.comments().isEmpty()) {
      lines.add("Lines marked CHECK need your decision.");
    }
    return lines;
  }

  /** The schema as the yaml-language-server line names it: relative to the file, else its URL. */
  static String schemaRef(Path file, Settings s) {
    if (s.schema() == null || !Files.exists(s.schema())) {
      return SCHEMA_URL;
    }
    Path folder = file.toAbsolutePath().normalize().getParent();
    return folder.relativize(s.schema().toAbsolutePath().normalize()).toString().replace('\\', '/');
  }
}
