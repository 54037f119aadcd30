package org.cmograph.extraction;

import static org.cmograph.extraction.ExtractionBinder.list;
import static org.cmograph.extraction.ExtractionBinder.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.cmograph.util.Suggest;

/**
 * Validates a search and selection log (data/selection.yaml) the way extraction files are
 * validated: read with positions, checked against {@code schema/selection.schema.json}, then the
 * checks a schema cannot express. The counts must add up from box to box of the flow diagram
 * (identified, less duplicates, less each stage's exclusions, equals the records the included files
 * cover), every included id must be an extraction file, and every listed source file must exist.
 * Every problem carries file, line and column.
 *
 * <pre>
 * List&lt;Problem&gt; problems = new ArrayList&lt;&gt;();
 * Optional&lt;SelectionLog&gt; log =
 *     new SelectionValidator().validate(Path.of("data/selection.yaml"), studyIds, sourcesDir, problems);
 * </pre>
 */
public final class SelectionValidator {
  /** The selection log schema, on the classpath. */
  public static final String SELECTION_SCHEMA = "schema/selection.schema.json";

  /** The file name a data folder's log has (any of the extraction file extensions). */
  public static boolean isSelectionFile(Path file) {
    return file.getFileName() != null && file.getFileName().toString().startsWith("selection.");
  }

  private final DocumentReader reader = new DocumentReader();
  private final SchemaCheck schema = new SchemaCheck(SELECTION_SCHEMA);

  /**
   * Validates one log; returns it if it could be read, whether or not it has problems (the caller
   * decides by looking for errors in {@code problems}).
   *
   * @param studyIds ids of the studies validated alongside; an included id is known if it is one of
   *     them or has an extraction file in the {@code studies/} folder beside the log
   * @param sources the folder of source texts ({@code files} are looked up there), or null for the
   *     {@code sources/} folder beside the log
   */
  public Optional<SelectionLog> validate(
      Path file, Collection<String> studyIds, Path sources, List<Problem> problems) {
    Optional<PositionedDocument> doc = reader.read(file, problems);
    if (doc.isEmpty()) {
      return Optional.empty();
    }
    List<Problem> schemaProblems = schema.check(doc.get());
    problems.addAll(schemaProblems);
    if (!doc.get().root().isObject()) {
      return Optional.empty();
    }
    SelectionLog log = bind(doc.get());
    // A count the schema refused (negative, not a number) would make the sums say the wrong thing.
    boolean countsReadable = schemaProblems.stream().noneMatch(Problem::isError);
    new Checks(doc.get(), problems).run(log, studyIds, sources, countsReadable);
    return Optional.of(log);
  }

  /** The content checks, with the document for positions. */
  private record Checks(PositionedDocument doc, List<Problem> out) {
    void run(SelectionLog log, Collection<String> studyIds, Path sources, boolean countsReadable) {
      date("/selection/date", log.date());
      Set<String> ids = new HashSet<>();
      for (SelectionLog.Identification i : log.identification()) {
        date(i.pointer() + "/date", i.date());
        if (i.id() != null && !ids.add(i.id())) {
          error(
              i.pointer() + "/id",
              "DUPLICATE-ID",
              "identification id '" + i.id() + "' is used twice in this log");
        }
      }
      if (countsReadable) {
        counts(log);
      }
      included(log, studyIds == null ? Set.of() : studyIds);
      files(log, sources != null ? sources : siblingFolder("sources"));
    }

    /** The arithmetic of the flow diagram, box by box. */
    private void counts(SelectionLog log) {
      int identified = log.identifiedTotal();
      int remaining = identified;
      StringBuilder trail = new StringBuilder(identified + " identified");
      if (log.duplicatesRemoved() != null) {
        if (log.duplicatesRemoved() > identified) {
          error(
              "/duplicates/removed",
              "COUNTS-DO-NOT-ADD-UP",
              "duplicates.removed is "
                  + log.duplicatesRemoved()
                  + ", more than the "
                  + identified
                  + " records identified");
          return;
        }
        remaining -= log.duplicatesRemoved();
        trail.append(", less ").append(log.duplicatesRemoved()).append(" duplicates removed");
      }
      for (SelectionLog.Stage stage : log.screening()) {
        if (stage.screened() == null) {
          return; // the schema reports it
        }
        int notRetrieved = stage.notRetrieved() == null ? 0 : stage.notRetrieved();
        if (notRetrieved > 0) {
          trail.append(", less ").append(notRetrieved).append(" not retrieved");
        }
        int expected = remaining - notRetrieved;
        if (stage.screened() != expected) {
          error(
              stage.pointer() + "/screened",
              "COUNTS-DO-NOT-ADD-UP",
              PositionedDocument.display(stage.pointer() + "/screened")
                  + " is "
                  + stage.screened()
                  + ", but "
                  + expected
                  + " records remain to screen ("
                  + trail
                  + ")");
          return;
        }
        int excluded = stage.excludedTotal();
        if (excluded > stage.screened()) {
          error(
              stage.pointer() + "/excluded",
              "MORE-EXCLUDED-THAN-SCREENED",
              "'"
                  + stage.stage()
                  + "' excludes "
                  + excluded
                  + " records, more than the "
                  + stage.screened()
                  + " it screened");
          return;
        }
        remaining = stage.screened() - excluded;
        trail
            .append(", less ")
            .append(excluded)
            .append(" excluded at '")
            .append(stage.stage())
            .append("'");
      }
      int covered = log.includedRecords();
      if (covered != remaining) {
        error(
            "/included",
            "COUNTS-DO-NOT-ADD-UP",
            "the included extraction files cover "
                + covered
                + (covered == 1 ? " record" : " records")
                + ", but "
                + remaining
                + " remain ("
                + trail
                + "); correct the counts, or give an included file's 'records' when it covers several");
      }
    }

    private void included(SelectionLog log, Collection<String> studyIds) {
      Set<String> seen = new TreeSet<>();
      Path studies = siblingFolder("studies");
      for (SelectionLog.Included i : log.included()) {
        if (i.id() == null) {
          continue;
        }
        if (!seen.add(i.id())) {
          error(
              i.pointer() + "/id", "DUPLICATE-ID", "included id '" + i.id() + "' is listed twice");
          continue;
        }
        if (!studyIds.contains(i.id()) && !hasExtractionFile(studies, i.id())) {
          Set<String> known = new TreeSet<>(studyIds);
          known.addAll(fileIds(studies));
          error(
              i.pointer() + "/id",
              "UNKNOWN-STUDY",
              "included id '"
                  + i.id()
                  + "' has no extraction file (none among the validated studies, none in "
                  + Path.of("studies", i.id() + ".yaml")
                  + " beside the log)"
                  + Suggest.didYouMean(i.id(), known));
        }
      }
      for (String id : new TreeSet<>(studyIds)) {
        if (!seen.contains(id)) {
          out.add(
              Problem.warning(
                  doc.file(),
                  doc.keyAt("/included"),
                  "NOT-IN-SELECTION",
                  "study '"
                      + id
                      + "' is loaded but not listed under included; the flow diagram does not count it"));
        }
      }
    }

    private void files(SelectionLog log, Path sources) {
      for (SelectionLog.Identification i : log.identification()) {
        for (int f = 0; f < i.files().size(); f++) {
          String name = i.files().get(f);
          if (name != null
              && !name.contains("/")
              && !name.contains("\\")
              && !Files.isRegularFile(sources.resolve(name))) {
            error(
                i.pointer() + "/files/" + f,
                "SOURCE-NOT-FOUND",
                "no source text '"
                    + name
                    + "' in the source texts folder '"
                    + sources.getFileName()
                    + "'"
                    + Suggest.didYouMean(name, fileNames(sources)));
          }
        }
      }
    }

    private static Set<String> fileNames(Path folder) {
      Set<String> names = new TreeSet<>();
      if (Files.isDirectory(folder)) {
        try (var files = Files.list(folder)) {
          files.forEach(f -> names.add(f.getFileName().toString()));
        } catch (java.io.IOException e) {
          // only for suggestions
        }
      }
      return names;
    }

    private Path siblingFolder(String name) {
      Path parent = doc.file().toAbsolutePath().getParent();
      return parent == null ? Path.of(name) : parent.resolve(name);
    }

    private static boolean hasExtractionFile(Path folder, String id) {
      for (String ext : List.of(".yaml", ".yml", ".json")) {
        if (Files.isRegularFile(folder.resolve(id + ext))) {
          return true;
        }
      }
      return false;
    }

    private static Set<String> fileIds(Path folder) {
      Set<String> ids = new TreeSet<>();
      if (!Files.isDirectory(folder)) {
        return ids;
      }
      try (var files = Files.list(folder)) {
        files
            .map(f -> f.getFileName().toString())
            .filter(n -> n.matches(".*\\.(yaml|yml|json)"))
            .forEach(n -> ids.add(n.replaceFirst("\\.(yaml|yml|json)$", "")));
      } catch (java.io.IOException e) {
        // only for suggestions
      }
      return ids;
    }

    private void date(String pointer, String value) {
      if (value != null && value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
        try {
          LocalDate.parse(value);
        } catch (DateTimeParseException e) {
          error(
              pointer,
              "BAD-DATE",
              PositionedDocument.display(pointer)
                  + ": '"
                  + value
                  + "' is not a real calendar date");
        }
      }
    }

    private void error(String pointer, String code, String message) {
      out.add(Problem.error(doc.file(), doc.valueAt(pointer), code, message));
    }
  }

  static SelectionLog bind(PositionedDocument doc) {
    JsonNode root = doc.root();
    JsonNode s = root.path("selection");
    JsonNode d = root.path("duplicates");
    return new SelectionLog(
        doc.file(),
        text(s, "id"),
        text(s, "title"),
        text(s, "description"),
        text(s, "date"),
        strings(s.path("authors")),
        text(s, "note"),
        list(
            root.path("identification"),
            "/identification",
            (n, p) ->
                new SelectionLog.Identification(
                    p,
                    text(n, "id"),
                    text(n, "method"),
                    text(n, "source"),
                    text(n, "date"),
                    text(n, "strategy"),
                    count(n, "records"),
                    strings(n.path("files")),
                    text(n, "note"))),
        count(d, "removed"),
        text(d, "note"),
        list(
            root.path("screening"),
            "/screening",
            (n, p) ->
                new SelectionLog.Stage(
                    p,
                    text(n, "stage"),
                    count(n, "not_retrieved"),
                    count(n, "screened"),
                    list(
                        n.path("excluded"),
                        p + "/excluded",
                        (e, ep) ->
                            new SelectionLog.Exclusion(ep, text(e, "reason"), count(e, "count"))),
                    text(n, "note"))),
        list(
            root.path("included"),
            "/included",
            (n, p) -> {
              Integer records = count(n, "records");
              return new SelectionLog.Included(
                  p, text(n, "id"), records == null || records < 1 ? 1 : records, text(n, "note"));
            }));
  }

  /** A count the schema accepts (a whole, non-negative int), or null. */
  private static Integer count(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isNumber() && v.canConvertToExactIntegral() && v.canConvertToInt() && v.intValue() >= 0
        ? v.intValue()
        : null;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array.isArray()) {
      array.forEach(
          v -> {
            if (v.isTextual()) {
              out.add(v.textValue());
            }
          });
    }
    return List.copyOf(out);
  }
}
