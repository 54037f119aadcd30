package org.cmograph.exchange;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cmograph.extraction.ConceptLabels;
import org.cmograph.extraction.Extraction;
import org.cmograph.extraction.Position;
import org.cmograph.extraction.Problem;
import org.cmograph.util.Suggest;
import org.cmograph.extraction.SheetLayout.Column;
import org.cmograph.extraction.SheetLayout;

/**
 * Reads the one-row-per-CMOC layout ({@link SheetLayout}) into study drafts: rows that name the
 * same CMOC (or, without a {@code cmoc} column, repeat the same context, mechanism and outcome)
 * become one CMOC, each row's quote one evidence item. Ids the sheet does not give are made from
 * the descriptions; a mechanism without a catalogue concept gets the closest concept by label, with
 * a warning and a comment in the file. Every problem names its sheet, row and column.
 *
 * <pre>
 * SheetImporter.Result r = new SheetImporter(labels).read(sheet, new Options(Set.of("smith-2023"), Map.of()));
 * </pre>
 */
public final class SheetImporter {
  /** A theory link cell line with a rationale: "supports tc1: why" (two tokens, then a colon). */
  private static final java.util.regex.Pattern WITH_RATIONALE =
      java.util.regex.Pattern.compile("^\\s*(\\S+\\s+[^\\s:]+)\\s*:\\s+(.+)$");

  /** Which studies to take from the sheet (empty: all), and header names mapped to columns. */
  public record Options(Set<String> studies, Map<String, Column> mapping) {}

  /** The drafts of the studies read, and every problem found. */
  public record Result(List<StudyDraft> studies, List<Problem> problems) {
    public boolean hasErrors() {
      return problems.stream().anyMatch(Problem::isError);
    }
  }

  private static final Set<Column> STUDY_LEVEL =
      EnumSet.of(Column.STUDY, Column.TITLE, Column.SOURCE);
  private static final Set<Column> EVIDENCE_LEVEL =
      EnumSet.of(
          Column.EVIDENCE_ID,
          Column.EVIDENCE_KIND,
          Column.ABOUT,
          Column.QUOTE,
          Column.LOCATION,
          Column.SPEAKER,
          Column.PERSPECTIVE,
          Column.STANCE,
          Column.STRENGTH,
          Column.INFERENCE,
          Column.NOTE,
          Column.PAGE_NUMBER);
  private static final Set<Column> MECHANISM =
      EnumSet.of(
          Column.MECHANISM_CONCEPT,
          Column.MECHANISM_WORDING,
          Column.MECHANISM_RESOURCE,
          Column.MECHANISM_REASONING);
  /** Words of an evidence item's 'about' that no actor, context or outcome id may take. */
  static final List<String> RESERVED =
      List.of(
          "mechanism",
          "resource",
          "reasoning",
          "response",
          "context-mechanism",
          "mechanism-outcome",
          "context-outcome");

  /** Marks, until the draft is made, an actor whose type the sheet did not name. */
  private static final String GUESSED_TYPE = "\u0000guessed-type";

  private final ConceptLabels catalogue;
  private final FormatVocabulary vocab = FormatVocabulary.get();

  public SheetImporter(ConceptLabels catalogue) {
    this.catalogue = catalogue;
  }

  public Result read(Sheet sheet, Options options) {
    return new Run(sheet, options).run();
  }

  /** One import of one sheet: its header, problems and drafts. */
  private final class Run {
    final Sheet sheet;
    final Options options;
    final List<Problem> problems = new ArrayList<>();
    final Map<Column, Integer> columns = new EnumMap<>(Column.class);
    int headerRow;

    Run(Sheet sheet, Options options) {
      this.sheet = sheet;
      this.options = options;
    }

    Result run() {
      if (sheet.rows().isEmpty()) {
        problems.add(
            Problem.error(
                sheet.file(),
                Position.START,
                "IMPORT-NO-TABLE",
                (sheet.name() == null ? "" : "sheet '" + sheet.name() + "': ")
                    + "no rows; the first row must hold the column headers"));
        return new Result(List.of(), problems);
      }
      if (!header(sheet.rows().get(0))) {
        return new Result(List.of(), problems);
      }
      Map<String, List<Sheet.Row>> byStudy = rowsByStudy();
      List<StudyDraft> drafts = new ArrayList<>();
      for (Map.Entry<String, List<Sheet.Row>> e : byStudy.entrySet()) {
        drafts.add(new StudyRun(this, e.getKey(), e.getValue()).draft());
      }
      // Said only of files that will be written: with errors, nothing is.
      boolean errors = problems.stream().anyMatch(Problem::isError);
      for (StudyDraft d : drafts) {
        if (!errors && !columns.containsKey(Column.EVIDENCE_KIND) && !d.evidence().isEmpty()) {
          problems.add(
              rowWarning(
                  "IMPORT-NO-KIND", headerRow,
                  ": no 'evidence kind' column, so all "
                      + d.evidence().size()
                      + " evidence item(s) of study '"
                      + d.id()
                      + "' are written as kind: finding, the only kind counted as support or"
                      + " refutation; check them, and mark background, method, recommendation or"
                      + " hypothesis passages in an 'evidence kind' column"));
        }
      }
      problems.sort(Problem.BY_PLACE);
      return new Result(List.copyOf(drafts), List.copyOf(problems));
    }

    /** Matches the header row to columns; false if the table cannot be read. */
    boolean header(Sheet.Row row) {
      headerRow = row.number();
      Map<String, Column> mapping = new HashMap<>();
      options.mapping().forEach((k, v) -> mapping.put(SheetLayout.normalise(k), v));
      Set<String> mappedHeaders = new HashSet<>();
      boolean any = false;
      List<Problem> unknown = new ArrayList<>();
      for (Sheet.Cell c : row.cells()) {
        String key = SheetLayout.normalise(c.text());
        Column column = mapping.containsKey(key) ? mapping.get(key) : SheetLayout.column(c.text());
        if (mapping.containsKey(key)) {
          mappedHeaders.add(key);
        }
        if (column == null) {
          unknown.add(
              cellWarning(
                  "IMPORT-UNKNOWN-COLUMN", row.number(), c.column(),
                  ": column '"
                      + oneLine(c.text())
                      + "' is not part of the layout and is ignored"
                      + Suggest.didYouMean(key, SheetLayout.allNames())
                      + " (map it with --map '"
                      + oneLine(c.text())
                      + "=COLUMN')"));
          continue;
        }
        any = true;
        Integer before = columns.putIfAbsent(column, c.column());
        if (before != null) {
          problems.add(
              cellError(
                  "IMPORT-DUPLICATE-COLUMN", row.number(), c.column(),
                  ": a second '"
                      + column.header()
                      + "' column (the first is "
                      + Sheet.columnLetters(before)
                      + ")"));
        }
      }
      for (String key : mapping.keySet()) {
        if (!mappedHeaders.contains(key)) {
          problems.add(
              rowWarning(
                  "IMPORT-UNUSED-MAP", row.number(),
                  ": --map names the header '"
                      + key
                      + "', which the header row does not have"));
        }
      }
      if (any) {
        problems.addAll(unknown);
      } else {
        problems.add(
            rowError(
                "IMPORT-NO-HEADER", row.number(),
                " is read as the header row, but none of its cells"
                    + " names a column of the layout (study, cmoc, context, context role, mechanism"
                    + " resource, mechanism reasoning, outcome, quote, location, evidence kind,"
                    + " stance, ...);"
                    + " put the headers in the first row"));
        return false;
      }
      List<String> missing = new ArrayList<>();
      // Most items are findings, and findings need a stance: the column is always wanted.
      for (Column required : List.of(Column.QUOTE, Column.LOCATION, Column.STANCE)) {
        if (!columns.containsKey(required)) {
          missing.add(required.header());
        }
      }
      if (MECHANISM.stream().noneMatch(columns::containsKey)
          && !columns.containsKey(Column.CMOC_KIND)) {
        missing.add("mechanism concept, wording, resource or reasoning");
      }
      if (!columns.containsKey(Column.STUDY) && options.studies().size() != 1) {
        missing.add("study (or name one study with --study)");
      }
      for (String m : missing) {
        problems.add(
            rowError(
                "IMPORT-MISSING-COLUMN", row.number(),
                ": no '"
                    + m
                    + "' column; the headers are: "
                    + String.join(
                        ", ", row.cells().stream().map(c -> oneLine(c.text())).toList())));
      }
      boolean readable = missing.isEmpty() && problems.stream().noneMatch(Problem::isError);
      if (columns.containsKey(Column.CONTEXT) && !columns.containsKey(Column.CONTEXT_ROLE)) {
        // The role is the researcher's reading of the source; the import never guesses it. The
        // rows are still read, so that every other problem is reported too.
        problems.add(
            rowError(
                "IMPORT-MISSING-COLUMN", row.number(),
                ": no 'context role' column; each context needs the role it plays for its CMOC ("
                    + String.join(", ", vocab.contextRoles)
                    + "), one line per context as in the 'context' column"));
      }
      return readable;
    }

    /** The data rows grouped by study, in order of first appearance. */
    Map<String, List<Sheet.Row>> rowsByStudy() {
      Map<String, List<Sheet.Row>> out = new LinkedHashMap<>();
      Map<String, String> shownIds = new LinkedHashMap<>();
      String only = options.studies().size() == 1 ? options.studies().iterator().next() : null;
      for (Sheet.Row row : sheet.rows().subList(1, sheet.rows().size())) {
        for (Sheet.Cell c : row.cells()) {
          if (!columns.containsValue(c.column()) && !unknownHeader(c.column())) {
            problems.add(
                cellError(
                    "IMPORT-EXTRA-CELL", row.number(), c.column(),
                    " has a value, but its column has no header"));
          }
        }
        String study = value(row, Column.STUDY);
        String id;
        if (study == null) {
          if (only == null) {
            problems.add(missingValue(row, Column.STUDY, "the row names no study"));
            continue;
          }
          id = only;
        } else {
          id = Slugs.isSlug(study) ? study : Slugs.of(study);
          shownIds.putIfAbsent(id, study);
        }
        if (!options.studies().isEmpty() && !options.studies().contains(id)) {
          continue;
        }
        out.computeIfAbsent(id, k -> new ArrayList<>()).add(row);
      }
      for (String wanted : options.studies()) {
        if (!out.containsKey(wanted) && columns.containsKey(Column.STUDY)) {
          problems.add(
              Problem.error(
                  sheet.file(),
                  at(headerRow, columns.get(Column.STUDY)),
                  "IMPORT-NO-ROWS",
                  "no row of "
                      + (sheet.name() == null ? "the sheet" : "sheet '" + sheet.name() + "'")
                      + " is for study '"
                      + wanted
                      + "'"
                      + (shownIds.isEmpty()
                          ? ""
                          : " (it has: " + String.join(", ", shownIds.keySet()) + ")")
                      + Suggest.didYouMean(wanted, shownIds.keySet())));
        }
      }
      if (out.isEmpty() && options.studies().isEmpty()) {
        problems.add(
            Problem.error(
                sheet.file(),
                at(headerRow, 1),
                "IMPORT-NO-ROWS",
                (sheet.name() == null ? "the sheet" : "sheet '" + sheet.name() + "'")
                    + " has a header row but no data rows"));
      }
      return out;
    }

    private boolean unknownHeader(int column) {
      return sheet.rows().get(0).text(column) != null;
    }

    String value(Sheet.Row row, Column column) {
      Integer col = columns.get(column);
      if (col == null) {
        return null;
      }
      String text = row.text(col);
      if (text == null || text.isBlank()) {
        return null;
      }
      // A per-line cell keeps its leading empty lines: they say the first parts have no value.
      return column.perLine ? text.stripTrailing() : text.strip();
    }

    /** A problem at a cell; the message follows the cell's place, e.g. "sheet 'x', cell B3". */
    Problem cellError(String code, int row, int column, String message) {
      return Problem.error(sheet.file(), at(row, column), code, sheet.where(row, column) + message);
    }

    Problem cellWarning(String code, int row, int column, String message) {
      return Problem.warning(sheet.file(), at(row, column), code, sheet.where(row, column) + message);
    }

    /** A problem with a whole row, placed at its first cell; the message follows the row's place. */
    Problem rowError(String code, int row, String message) {
      return Problem.error(sheet.file(), at(row, 1), code, sheet.whereRow(row) + message);
    }

    Problem rowWarning(String code, int row, String message) {
      return Problem.warning(sheet.file(), at(row, 1), code, sheet.whereRow(row) + message);
    }

    int col(Column column) {
      return columns.getOrDefault(column, 1);
    }

    Problem missingValue(Sheet.Row row, Column column, String why) {
      return cellError(
          "IMPORT-MISSING-VALUE", row.number(), col(column),
          ": "
              + why
              + " (column '"
              + column.header()
              + "' is empty)");
    }

    Problem badValue(int row, Column column, String raw, List<String> allowed) {
      return cellError(
          "IMPORT-BAD-VALUE", row, col(column),
          ": "
              + column.header()
              + " '"
              + oneLine(raw)
              + "' is not one of "
              + String.join(", ", allowed)
              + Suggest.didYouMean(raw.strip().toLowerCase(java.util.Locale.ROOT), allowed));
    }
  }

  /** The rows of one CMOC, with the CMOC-level cells it has so far and the row each came from. */
  private static final class CmocRows {
    final Sheet.Row first;
    final Map<Column, String> values = new EnumMap<>(Column.class);
    final Map<Column, Integer> rowOf = new EnumMap<>(Column.class);
    final List<Sheet.Row> rows = new ArrayList<>();
    String id;
    String labelFallback;

    CmocRows(Sheet.Row first) {
      this.first = first;
    }
  }

  /** A study-level actor, context or outcome, with the row that first gave it. */
  private static final class Part {
    final String kind;
    final Map<String, Object> values = new LinkedHashMap<>();
    final int row;
    final int column;

    Part(String kind, int row, int column) {
      this.kind = kind;
      this.row = row;
      this.column = column;
    }
  }

  /** The import of one study's rows. */
  private final class StudyRun {
    final Run run;
    final String studyId;
    final List<Sheet.Row> rows;
    final Map<String, String> comments = new LinkedHashMap<>();
    /** Actors, contexts and outcomes by id: they share one id space. */
    final Map<String, Part> parts = new LinkedHashMap<>();
    final Set<String> evidenceIds = new HashSet<>();
    final Set<String> cmocIds = new HashSet<>();

    StudyRun(Run run, String studyId, List<Sheet.Row> rows) {
      this.run = run;
      this.studyId = studyId;
      this.rows = rows;
    }

    StudyDraft draft() {
      String title = studyValue(Column.TITLE);
      String source = studyValue(Column.SOURCE);
      List<CmocRows> groups = group();
      // Ids the sheet gives are taken first, so made-up ids never collide with them.
      for (Sheet.Row row : rows) {
        String e = run.value(row, Column.EVIDENCE_ID);
        if (e != null) {
          evidenceIds.add(slug(e));
        }
      }
      for (CmocRows g : groups) {
        for (Column c : List.of(Column.CONTEXT_ID, Column.OUTCOME_ID)) {
          for (String id : lines(g.values.get(c))) {
            if (!id.isEmpty()) {
              reservedIds.add(slug(id));
            }
          }
        }
      }
      List<Map<String, Object>> cmocs = new ArrayList<>();
      List<Map<String, Object>> evidence = new ArrayList<>();
      Map<String, Map<String, Object>> evidenceById = new HashMap<>();
      Map<String, Integer> evidenceRow = new HashMap<>();
      int generated = 0;
      for (CmocRows g : groups) {
        Map<String, Object> cmoc = cmoc(g, cmocs.size());
        cmocs.add(cmoc);
        for (Sheet.Row row : g.rows) {
          if (EVIDENCE_LEVEL.stream().noneMatch(c -> run.value(row, c) != null)) {
            continue;
          }
          String id = run.value(row, Column.EVIDENCE_ID);
          if (id == null) {
            do {
              id = "e" + (++generated);
            } while (evidenceIds.contains(id));
            evidenceIds.add(id);
          } else {
            id = slug(id);
          }
          Map<String, Object> item = evidence(row, id, g.id, cmoc);
          Map<String, Object> before = evidenceById.putIfAbsent(id, item);
          if (before == null) {
            evidence.add(item);
            evidenceRow.put(id, row.number());
          } else {
            sameEvidence(row, id, g.id, before, item, evidenceRow.get(id));
          }
        }
      }
      List<Map<String, Object>> actors = partsOf("actor");
      for (int i = 0; i < actors.size(); i++) {
        if (Boolean.TRUE.equals(actors.get(i).remove(GUESSED_TYPE))) {
          comments.put(
              "/actors/" + i + "/type",
              "CHECK: the sheet names no type for this actor; "
                  + String.join(" | ", vocab.actorTypes));
        }
      }
      return new StudyDraft(
          studyId,
          title,
          source,
          actors,
          partsOf("context"),
          partsOf("outcome"),
          cmocs,
          evidence,
          comments,
          run.sheet.file());
    }

    final Set<String> reservedIds = new HashSet<>();

    List<Map<String, Object>> partsOf(String kind) {
      List<Map<String, Object>> out = new ArrayList<>();
      for (Part p : parts.values()) {
        if (p.kind.equals(kind)) {
          out.add(p.values);
        }
      }
      return out;
    }

    /**
     * A second row with the same evidence id: one passage bearing on another CMOC joins its item,
     * which must then read the same on every row.
     */
    @SuppressWarnings("unchecked")
    void sameEvidence(
        Sheet.Row row,
        String id,
        String cmocId,
        Map<String, Object> before,
        Map<String, Object> item,
        int firstRow) {
      List<String> targets = (List<String>) before.get("cmocs");
      if (targets.contains(cmocId)) {
        run.problems.add(
            run.cellError(
                "IMPORT-DUPLICATE-ID", row.number(), run.col(Column.EVIDENCE_ID),
                ": evidence id '"
                    + id
                    + "' is used twice for CMOC '"
                    + cmocId
                    + "' in study '"
                    + studyId
                    + "'"));
        return;
      }
      for (String key : List.of("kind", "quote", "location", "speaker", "perspective", "stance",
          "strength", "inference", "note")) {
        if (!java.util.Objects.equals(before.get(key), item.get(key))) {
          run.problems.add(
              run.cellError(
                  "IMPORT-CONFLICT", row.number(), run.col(Column.EVIDENCE_ID),
                  ": evidence '"
                      + id
                      + "' has a different "
                      + key
                      + " here than in row "
                      + firstRow
                      + "; one passage is one evidence item: repeat its cells on the row of each"
                      + " CMOC it bears on, or give this row another evidence id"));
          return;
        }
      }
      List<String> cmocs = new ArrayList<>(targets);
      cmocs.add(cmocId);
      before.put("cmocs", List.copyOf(cmocs));
      List<String> about = (List<String>) item.get("about");
      if (about != null) {
        Set<String> all = new LinkedHashSet<>();
        Object had = before.get("about");
        if (had != null) {
          all.addAll((List<String>) had);
        }
        all.addAll(about);
        putAfter(before, "about", List.copyOf(all), "kind");
      }
    }

    String studyValue(Column column) {
      String found = null;
      int foundRow = 0;
      for (Sheet.Row row : rows) {
        String v = run.value(row, column);
        if (v == null) {
          continue;
        }
        if (found == null) {
          found = v;
          foundRow = row.number();
        } else if (!found.equals(v)) {
          run.problems.add(conflict(row.number(), column, "study '" + studyId + "'", foundRow));
        }
      }
      return found;
    }

    Problem conflict(int row, Column column, String what, int firstRow) {
      return run.cellError(
          "IMPORT-CONFLICT", row, run.col(column),
          ": "
              + what
              + " has a different '"
              + column.header()
              + "' here than in row "
              + firstRow
              + "; repeat the same value on every row, or leave it blank after the first");
    }

    /** Rows grouped into CMOCs, in order of first appearance. */
    List<CmocRows> group() {
      List<CmocRows> groups = new ArrayList<>();
      Map<String, CmocRows> byKey = new LinkedHashMap<>();
      CmocRows previous = null;
      boolean cmocColumn = run.columns.containsKey(Column.CMOC);
      for (Sheet.Row row : rows) {
        String key;
        String cell = run.value(row, Column.CMOC);
        boolean blankCmoc =
            cmocColumn
                ? cell == null
                : cmocLevel().stream().allMatch(c -> run.value(row, c) == null);
        if (blankCmoc) {
          if (previous == null) {
            run.problems.add(
                cmocColumn
                    ? run.missingValue(
                        row, Column.CMOC, "the first row of a study must name its CMOC")
                    : run.missingValue(
                        row, Column.MECHANISM_RESOURCE, "the row names no CMOC part"));
            continue;
          }
          key = null;
        } else if (cmocColumn) {
          key = cell;
        } else {
          StringBuilder k = new StringBuilder();
          for (Column c : cmocLevel()) {
            k.append(String.valueOf(run.value(row, c))).append('\u0000');
          }
          key = k.toString();
        }
        CmocRows g = key == null ? previous : byKey.get(key);
        if (g == null) {
          g = new CmocRows(row);
          byKey.put(key, g);
          groups.add(g);
          if (cmocColumn) {
            g.id = Slugs.isSlug(cell) ? cell : Slugs.of(cell);
            if (!Slugs.isSlug(cell)) {
              g.labelFallback = cell;
            }
          }
        }
        g.rows.add(row);
        for (Column c : cmocLevel()) {
          String v = run.value(row, c);
          if (v == null) {
            continue;
          }
          String had = g.values.putIfAbsent(c, v);
          if (had == null) {
            g.rowOf.put(c, row.number());
          } else if (!had.equals(v)) {
            run.problems.add(
                conflict(row.number(), c, "CMOC '" + cmocName(g) + "'", g.rowOf.get(c)));
          }
        }
        previous = g;
      }
      return groups;
    }

    String cmocName(CmocRows g) {
      return g.id != null ? g.id : "of row " + g.first.number();
    }

    List<Column> cmocLevel() {
      List<Column> out = new ArrayList<>();
      for (Column c : Column.values()) {
        if (!STUDY_LEVEL.contains(c) && !EVIDENCE_LEVEL.contains(c) && c != Column.CMOC) {
          out.add(c);
        }
      }
      return out;
    }

    Map<String, Object> cmoc(CmocRows g, int index) {
      String pointer = "/cmocs/" + index;
      String label = g.values.get(Column.CMOC_LABEL);
      if (label == null) {
        label = g.labelFallback;
      }
      if (label == null) {
        String basis =
            firstNonNull(
                g.values.get(Column.MECHANISM_WORDING),
                g.values.get(Column.MECHANISM_RESOURCE),
                g.values.get(Column.MECHANISM_REASONING));
        label = basis == null ? null : abbreviateWords(basis, 80);
      }
      if (g.id == null) {
        String base = label == null ? "cmoc-" + (index + 1) : Slugs.brief(label, 5);
        g.id = unique(base.isEmpty() ? "cmoc-" + (index + 1) : base, cmocIds);
      } else if (!cmocIds.add(g.id)) {
        run.problems.add(
            run.cellError(
                "IMPORT-DUPLICATE-ID", g.first.number(), run.col(Column.CMOC),
                ": CMOC id '"
                    + g.id
                    + "' is used twice in study '"
                    + studyId
                    + "'"));
      }
      if (label == null) {
        label = "CMOC " + g.id;
      }
      String kind = Extraction.Cmoc.CONFIGURATION;
      String kindRaw = g.values.get(Column.CMOC_KIND);
      if (kindRaw != null) {
        kind = FormatVocabulary.match(kindRaw, vocab.cmocKinds);
        if (kind == null) {
          run.problems.add(
              run.badValue(g.rowOf.get(Column.CMOC_KIND), Column.CMOC_KIND, kindRaw, vocab.cmocKinds));
          kind = Extraction.Cmoc.CONFIGURATION;
        }
      }
      Map<String, Object> cmoc = new LinkedHashMap<>();
      cmoc.put("id", g.id);
      cmoc.put("label", label);
      put(cmoc, "statement", g.values.get(Column.STATEMENT));
      cmoc.put("kind", kind);
      put(cmoc, "strategy", g.values.get(Column.STRATEGY));
      String actor = g.values.get(Column.ACTOR);
      if (actor != null) {
        cmoc.put("actor", actor(actor, g.rowOf.get(Column.ACTOR), Column.ACTOR));
      }
      List<Map<String, Object>> contexts = contextLinks(g);
      if (!contexts.isEmpty()) {
        cmoc.put("contexts", contexts);
      }
      Column mechanismCell =
          MECHANISM.stream().filter(c -> g.values.get(c) != null).findFirst().orElse(null);
      if (Extraction.Cmoc.OUTCOME_PATTERN.equals(kind)) {
        if (mechanismCell != null) {
          run.problems.add(
              run.cellError(
                  "MECHANISM-IN-PATTERN", g.rowOf.get(mechanismCell), run.col(mechanismCell),
                  ": CMOC '"
                      + g.id
                      + "' is an outcome pattern, which has no mechanism; empty the mechanism"
                      + " cells, or make its cmoc kind 'configuration'"));
        }
      } else if (mechanismCell == null) {
        run.problems.add(
            run.cellError(
                "IMPORT-MISSING-VALUE", g.first.number(),
                run.col(
                    MECHANISM.stream()
                        .filter(run.columns::containsKey)
                        .findFirst()
                        .orElse(Column.CMOC_KIND)),
                ": CMOC '"
                    + g.id
                    + "' is a configuration but names no mechanism (its mechanism cells are"
                    + " empty); give its concept, wording, resource or reasoning, or make its"
                    + " cmoc kind 'outcome-pattern' if the study shows outcomes without one"));
      } else {
        cmoc.put("mechanism", mechanism(g, pointer + "/mechanism"));
      }
      List<String> outcomes = outcomeIds(g);
      if (!outcomes.isEmpty()) {
        cmoc.put("outcomes", outcomes);
      }
      List<String> next = new ArrayList<>();
      for (String line : lines(g.values.get(Column.LEADS_TO))) {
        for (String token : line.split("[\\s,;]+")) {
          if (!token.isEmpty() && !next.contains(slug(token))) {
            next.add(slug(token));
          }
        }
      }
      if (!next.isEmpty()) {
        cmoc.put("leads_to", next);
      }
      List<Map<String, Object>> links = theoryLinks(g);
      if (!links.isEmpty()) {
        cmoc.put("theory_links", links);
      }
      return cmoc;
    }

    /** The CMOC's links to the study's contexts, each with the role the sheet gives it here. */
    List<Map<String, Object>> contextLinks(CmocRows g) {
      List<String> ids =
          parts(
              g,
              Column.CONTEXT,
              Column.CONTEXT_ID,
              "context",
              List.of(Column.CONTEXT_TYPE, Column.CONTEXT_CONCEPT));
      List<String> roles = lines(g.values.get(Column.CONTEXT_ROLE));
      if (roles.size() > lines(g.values.get(Column.CONTEXT)).size()) {
        run.problems.add(
            lineCount(
                g,
                Column.CONTEXT_ROLE,
                roles.size(),
                Column.CONTEXT,
                lines(g.values.get(Column.CONTEXT)).size()));
      }
      List<Map<String, Object>> out = new ArrayList<>();
      List<String> unroled = new ArrayList<>();
      List<String> descriptions = lines(g.values.get(Column.CONTEXT));
      for (int i = 0, k = 0; i < descriptions.size(); i++) {
        if (descriptions.get(i).isEmpty()) {
          continue;
        }
        String id = ids.get(k++);
        if (id == null) {
          continue;
        }
        String raw = i < roles.size() ? roles.get(i) : "";
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("context", id);
        if (raw.isEmpty()) {
          unroled.add(id);
        } else {
          putEnum(link, "role", raw, vocab.contextRoles, g.rowOf.get(Column.CONTEXT_ROLE),
              Column.CONTEXT_ROLE);
        }
        if (out.stream().anyMatch(l -> id.equals(l.get("context")))) {
          continue; // one context named twice in one cell is one link
        }
        out.add(link);
      }
      if (!unroled.isEmpty() && run.columns.containsKey(Column.CONTEXT_ROLE)) {
        // A role is what the researcher read in the source; the import never guesses one.
        Integer row = g.rowOf.get(Column.CONTEXT_ROLE);
        run.problems.add(
            run.cellError(
                "IMPORT-MISSING-ROLE",
                row != null ? row : g.rowOf.get(Column.CONTEXT),
                run.col(Column.CONTEXT_ROLE),
                ": CMOC '"
                    + g.id
                    + "': no role for context"
                    + (unroled.size() == 1 ? " '" : "s '")
                    + String.join("', '", unroled)
                    + "' (column '"
                    + Column.CONTEXT_ROLE.header()
                    + "' needs one line per context: "
                    + String.join(", ", vocab.contextRoles)
                    + ")"));
      }
      return out;
    }

    /** The ids of the CMOC's outcomes, made study outcomes. */
    List<String> outcomeIds(CmocRows g) {
      List<String> out = new ArrayList<>();
      for (String id :
          parts(
              g,
              Column.OUTCOME,
              Column.OUTCOME_ID,
              "outcome",
              List.of(
                  Column.OUTCOME_DIRECTION,
                  Column.OUTCOME_LEVEL,
                  Column.OUTCOME_INTENDED,
                  Column.OUTCOME_FOR,
                  Column.OUTCOME_CONCEPT))) {
        if (id != null && !out.contains(id)) {
          out.add(id);
        }
      }
      return out;
    }

    /**
     * The study contexts or outcomes one CMOC's cells name: one per non-empty line of the
     * description cell, with aligned id and attribute lines. A part already named by another CMOC
     * (same id, or no id and the same description) is that part; its cells must agree. The ids,
     * one per non-empty description (null where the part could not be taken).
     */
    List<String> parts(
        CmocRows g,
        Column descriptionColumn,
        Column idColumn,
        String kind,
        List<Column> attributes) {
      List<String> descriptions = lines(g.values.get(descriptionColumn));
      List<String> ids = lines(g.values.get(idColumn));
      List<String> out = new ArrayList<>();
      if (!ids.isEmpty() && ids.size() != descriptions.size()) {
        run.problems.add(
            lineCount(g, idColumn, ids.size(), descriptionColumn, descriptions.size()));
      }
      for (Column a : attributes) {
        List<String> values = lines(g.values.get(a));
        if (values.size() > descriptions.size()) {
          run.problems.add(lineCount(g, a, values.size(), descriptionColumn, descriptions.size()));
        }
      }
      int row = g.rowOf.getOrDefault(descriptionColumn, g.first.number());
      for (int i = 0; i < descriptions.size(); i++) {
        String description = descriptions.get(i);
        if (description.isEmpty()) {
          continue;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Column a : attributes) {
          List<String> cells = lines(g.values.get(a));
          String raw = i < cells.size() ? cells.get(i) : "";
          if (raw.isEmpty()) {
            continue;
          }
          int at = g.rowOf.get(a);
          switch (a) {
            case CONTEXT_TYPE -> putEnum(values, "type", raw, vocab.contextTypes, at, a);
            case OUTCOME_DIRECTION -> putEnum(values, "direction", raw, vocab.directions, at, a);
            case OUTCOME_LEVEL -> putEnum(values, "level", raw, vocab.levels, at, a);
            case OUTCOME_INTENDED -> {
              Boolean b = bool(raw);
              if (b == null) {
                run.problems.add(run.badValue(at, a, raw, List.of("true", "false")));
              } else {
                values.put("intended", b);
              }
            }
            case OUTCOME_FOR -> values.put("for", actor(raw, at, a));
            case CONTEXT_CONCEPT, OUTCOME_CONCEPT -> values.put("concept", slug(raw));
            default -> throw new IllegalStateException(a.name());
          }
        }
        String given = i < ids.size() && !ids.get(i).isEmpty() ? slug(ids.get(i)) : null;
        out.add(part(kind, given, description, values, row, run.col(descriptionColumn), idColumn));
      }
      return out;
    }

    /** The id of the study part {@code kind} these cells name, adding it when it is new. */
    String part(
        String kind,
        String given,
        String description,
        Map<String, Object> attributes,
        int row,
        int column,
        Column idColumn) {
      String id = given;
      if (id == null) {
        for (Part p : parts.values()) {
          if (p.kind.equals(kind) && description.equals(p.values.get("description"))) {
            id = (String) p.values.get("id");
            break;
          }
        }
      }
      if (id != null && RESERVED.contains(id)) {
        run.problems.add(
            run.cellError(
                "IMPORT-BAD-VALUE", row, run.col(idColumn),
                ": '" + id + "' is a reserved word of 'about'; choose another " + kind + " id"));
        return null;
      }
      if (id == null) {
        String base = Slugs.brief(description, 4);
        Set<String> used = new HashSet<>(parts.keySet());
        used.addAll(reservedIds);
        id = unique(base.isEmpty() || RESERVED.contains(base) ? kind : base, used);
      }
      Part p = parts.get(id);
      if (p == null) {
        p = new Part(kind, row, column);
        p.values.put("id", id);
        p.values.put("description", description);
        p.values.putAll(attributes);
        parts.put(id, p);
        return id;
      }
      if (!p.kind.equals(kind)) {
        run.problems.add(
            run.cellError(
                "IMPORT-DUPLICATE-ID", row, run.col(idColumn),
                ": id '"
                    + id
                    + "' names "
                    + (p.kind.equals("actor") ? "an " : "a ")
                    + p.kind
                    + " in row "
                    + p.row
                    + " and "
                    + (kind.equals("actor") ? "an " : "a ")
                    + kind
                    + " here (the actors, contexts and outcomes of study '"
                    + studyId
                    + "' share one id space)"));
        return null;
      }
      Map<String, Object> mine = new LinkedHashMap<>(attributes);
      mine.put("description", description);
      for (Map.Entry<String, Object> e : mine.entrySet()) {
        Object had = p.values.get(e.getKey());
        if (had == null) {
          p.values.put(e.getKey(), e.getValue());
        } else if (!had.equals(e.getValue())) {
          run.problems.add(
              run.cellError(
                  "IMPORT-CONFLICT", row, column,
                  ": "
                      + kind
                      + " '"
                      + id
                      + "' has a different "
                      + e.getKey()
                      + " here than in row "
                      + p.row
                      + " ('"
                      + oneLine(abbreviateWords(e.getValue().toString(), 60))
                      + "', not '"
                      + oneLine(abbreviateWords(had.toString(), 60))
                      + "'); a "
                      + kind
                      + " is one condition of the study, shared by its CMOCs: describe it the same"
                      + " way on every row, or give it another id"));
        }
      }
      return id;
    }

    /**
     * The id of the actor a cell names ("peer workers", "service-users"), added to the study with
     * the actor type its words name; a type the words do not name is written 'other', reported,
     * and marked for checking.
     */
    String actor(String raw, int row, Column column) {
      String text = raw.strip();
      // "trial-participants (service-user)": an actor and its type, as the exporter writes them.
      String stated = null;
      java.util.regex.Matcher typed =
          java.util.regex.Pattern.compile("(.*\\S)\\s*\\(([^()]+)\\)").matcher(text);
      if (typed.matches() && FormatVocabulary.match(typed.group(2), vocab.actorTypes) != null) {
        text = typed.group(1).strip();
        stated = FormatVocabulary.match(typed.group(2), vocab.actorTypes);
      }
      String id = slug(text);
      Part p = parts.get(id);
      if (p != null && p.kind.equals("actor")) {
        if (stated != null && !stated.equals(p.values.get("type"))) {
          run.problems.add(
              run.cellError(
                  "IMPORT-CONFLICT", row, run.col(column),
                  ": actor '" + id + "' has type '" + stated + "' here and '"
                      + p.values.get("type") + "' in row " + p.row));
        }
        return id;
      }
      String type = stated != null ? stated : FormatVocabulary.match(text, vocab.actorTypes);
      if (type == null) {
        String first = text.split("[\\s-]+")[0];
        type = FormatVocabulary.match(first, vocab.actorTypes);
      }
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("type", type != null ? type : "other");
      if (type == null) {
        values.put(GUESSED_TYPE, Boolean.TRUE);
        run.problems.add(
            run.cellWarning(
                "IMPORT-ACTOR-TYPE", row, run.col(column),
                ": actor '"
                    + oneLine(text)
                    + "' names no actor type; wrote type 'other' (marked CHECK): set it to one"
                    + " of "
                    + String.join(", ", vocab.actorTypes)));
      }
      String description = Slugs.isSlug(text) ? text.replace('-', ' ') : text;
      String made = part("actor", id, description, values, row, run.col(column), column);
      return made == null ? id : made;
    }

    Problem lineCount(CmocRows g, Column column, int n, Column against, int m) {
      int row = g.rowOf.get(column);
      return run.cellError(
          "IMPORT-LINE-COUNT", row, run.col(column),
          ": "
              + n
              + " line(s) of '"
              + column.header()
              + "' for "
              + m
              + " line(s) of '"
              + against.header()
              + "'; give one line per "
              + against.header()
              + ", in the same order");
    }

    void putEnum(
        Map<String, Object> part, String key, String raw, List<String> allowed, int row, Column c) {
      String v = FormatVocabulary.match(raw, allowed);
      if (v == null) {
        run.problems.add(run.badValue(row, c, raw, allowed));
      } else {
        part.put(key, v);
      }
    }

    List<Map<String, Object>> theoryLinks(CmocRows g) {
      List<Map<String, Object>> out = new ArrayList<>();
      for (String line : lines(g.values.get(Column.THEORY_LINKS))) {
        if (line.isEmpty()) {
          continue;
        }
        // "supports tc1: why" — the rationale follows the first colon after the stance and id.
        String rationale = null;
        java.util.regex.Matcher withRationale = WITH_RATIONALE.matcher(line);
        if (withRationale.matches()) {
          line = withRationale.group(1);
          rationale = withRationale.group(2).strip();
        }
        String stance = null;
        String target = null;
        for (String token : line.split("[\\s:,;]+")) {
          String s = FormatVocabulary.match(token, vocab.theoryStances);
          if (s != null && stance == null) {
            stance = s;
          } else if (!token.isEmpty()) {
            target = token;
          }
        }
        if (stance == null || target == null || !Slugs.isSlug(target)) {
          int row = g.rowOf.get(Column.THEORY_LINKS);
          run.problems.add(
              run.cellError(
                  "IMPORT-BAD-VALUE", row, run.col(Column.THEORY_LINKS),
                  ": theory link '"
                      + line
                      + "' should be a stance ("
                      + String.join(", ", vocab.theoryStances)
                      + ") and a theory CMOC id, e.g. 'supports tc1'"));
          continue;
        }
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("theory_cmoc", target);
        link.put("stance", stance);
        if (rationale != null && !rationale.isEmpty()) {
          link.put("rationale", rationale);
        }
        out.add(link);
      }
      return out;
    }

    Map<String, Object> mechanism(CmocRows g, String pointer) {
      Map<String, Object> m = new LinkedHashMap<>();
      String concept = g.values.get(Column.MECHANISM_CONCEPT);
      String wording = g.values.get(Column.MECHANISM_WORDING);
      String resource = g.values.get(Column.MECHANISM_RESOURCE);
      String reasoning = g.values.get(Column.MECHANISM_REASONING);
      m.put("concept", concept(g, concept, wording, resource, reasoning, pointer + "/concept"));
      put(m, "wording", wording);
      put(m, "resource", resource);
      put(m, "reasoning", reasoning);
      // An empty cell is a part the source does not report: said so, never filled in.
      List<String> notReported = new ArrayList<>();
      if (resource == null) {
        notReported.add("resource");
      }
      if (reasoning == null) {
        notReported.add("reasoning");
      }
      if (!notReported.isEmpty()) {
        m.put("not_reported", notReported);
      }
      return m;
    }

    /** The catalogue concept ({@link ConceptChoice}); a guess is reported and commented. */
    String concept(
        CmocRows g,
        String concept,
        String wording,
        String resource,
        String reasoning,
        String pointer) {
      ConceptChoice choice = ConceptChoice.of(catalogue, concept, wording, resource, reasoning);
      if (!choice.guessed()) {
        return choice.id();
      }
      Column where =
          concept != null
              ? Column.MECHANISM_CONCEPT
              : wording != null
                  ? Column.MECHANISM_WORDING
                  : resource != null ? Column.MECHANISM_RESOURCE : Column.MECHANISM_REASONING;
      int row = g.rowOf.getOrDefault(where, g.first.number());
      String named = oneLine(abbreviateWords(choice.basis(), 80));
      if (choice.id() == null) {
        run.problems.add(
            run.cellError(
                "IMPORT-UNMATCHED-MECHANISM", row, run.col(where),
                ": no catalogue concept for mechanism '"
                    + named
                    + "'"));
        return null;
      }
      String what =
          concept != null
              ? "concept '" + concept + "' is not in the catalogue"
              : "mechanism '" + named + "' names no catalogue concept";
      run.problems.add(
          run.cellWarning(
              "IMPORT-UNMATCHED-MECHANISM", row, run.col(where),
              ": "
                  + what
                  + "; wrote '"
                  + choice.id()
                  + "'"
                  + (choice.weak() ? " (a weak match)" : "")
                  + "; closest by label: "
                  + choice.described()
                  + ". Check it, or add a concept to ontology/mechanism-catalogue.ttl"));
      comments.put(pointer, choice.comment(concept));
      return choice.id();
    }

    Map<String, Object> evidence(
        Sheet.Row row, String id, String cmocId, Map<String, Object> cmoc) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("id", id);
      e.put("cmocs", List.of(cmocId));
      String kind = Extraction.EvidenceItem.FINDING;
      if (run.columns.containsKey(Column.EVIDENCE_KIND)) {
        String kindRaw = run.value(row, Column.EVIDENCE_KIND);
        if (kindRaw == null) {
          run.problems.add(
              run.missingValue(
                  row,
                  Column.EVIDENCE_KIND,
                  "evidence needs its kind (" + String.join(", ", vocab.evidenceKinds) + ")"));
        } else {
          kind = FormatVocabulary.match(kindRaw, vocab.evidenceKinds);
          if (kind == null) {
            run.problems.add(
                run.badValue(row.number(), Column.EVIDENCE_KIND, kindRaw, vocab.evidenceKinds));
          }
        }
      }
      put(e, "kind", kind);
      String about = run.value(row, Column.ABOUT);
      if (about != null) {
        List<String> refs = new ArrayList<>();
        for (String token : about.split("[\\s,;]+")) {
          if (token.isEmpty()) {
            continue;
          }
          String t = token.toLowerCase(java.util.Locale.ROOT);
          if (t.equals("context") || t.equals("contexts")) {
            contextIds(cmoc).forEach(refs::add);
          } else if (t.equals("outcome") || t.equals("outcomes")) {
            outcomeIds(cmoc).forEach(refs::add);
          } else if (t.equals("response")) {
            refs.add("reasoning"); // the first format's word for the mechanism's reasoning
          } else {
            refs.add(slug(token));
          }
        }
        e.put("about", List.copyOf(new LinkedHashSet<>(refs)));
      }
      String quote = run.value(row, Column.QUOTE);
      if (quote == null) {
        run.problems.add(run.missingValue(row, Column.QUOTE, "evidence needs its verbatim quote"));
      }
      put(e, "quote", quote);
      String location = run.value(row, Column.LOCATION);
      if (location == null) {
        run.problems.add(
            run.missingValue(
                row,
                Column.LOCATION,
                "evidence needs the place of its quote (e.g. 'Abstract, Results')"));
      }
      put(e, "location", location);
      String pageRaw = run.value(row, Column.PAGE_NUMBER);
      if (pageRaw != null) {
        if (pageRaw.matches("[1-9][0-9]{0,5}")) {
          e.put("page", Integer.valueOf(pageRaw));
        } else {
          run.problems.add(
              run.cellError(
                  "IMPORT-BAD-VALUE", row.number(), run.col(Column.PAGE_NUMBER),
                  ": page number '" + oneLine(pageRaw) + "' is not a whole number"));
        }
      }
      String speakerRaw = run.value(row, Column.SPEAKER);
      String perspectiveRaw = run.value(row, Column.PERSPECTIVE);
      String perspective = null;
      boolean authorsPerspective = false;
      if (perspectiveRaw != null) {
        String p = perspectiveRaw.toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_]+", "-");
        if (p.startsWith("author")) {
          authorsPerspective = true;
        } else {
          perspective = FormatVocabulary.match(perspectiveRaw, vocab.perspectives);
          if (perspective == null) {
            run.problems.add(
                run.badValue(row.number(), Column.PERSPECTIVE, perspectiveRaw, vocab.perspectives));
          }
        }
      }
      String speaker;
      if (speakerRaw != null) {
        speaker = FormatVocabulary.match(speakerRaw, vocab.speakers);
        if (speaker == null && speakerRaw.toLowerCase(java.util.Locale.ROOT).startsWith("author")) {
          speaker = "authors";
        }
        if (speaker == null) {
          run.problems.add(run.badValue(row.number(), Column.SPEAKER, speakerRaw, vocab.speakers));
        }
      } else {
        speaker = perspective != null && !authorsPerspective ? "participant" : "authors";
      }
      put(e, "speaker", speaker);
      put(e, "perspective", perspective);
      String stanceRaw = run.value(row, Column.STANCE);
      if (stanceRaw == null && Extraction.EvidenceItem.FINDING.equals(kind)) {
        run.problems.add(
            run.missingValue(
                row,
                Column.STANCE,
                "a finding needs a stance (" + String.join(", ", vocab.stances) + ")"));
      } else if (stanceRaw != null) {
        String stance = FormatVocabulary.match(stanceRaw, vocab.stances);
        if (stance == null) {
          run.problems.add(run.badValue(row.number(), Column.STANCE, stanceRaw, vocab.stances));
        }
        put(e, "stance", stance);
      }
      String strengthRaw = run.value(row, Column.STRENGTH);
      if (strengthRaw != null) {
        String strength = FormatVocabulary.match(strengthRaw, vocab.strengths);
        if (strength == null) {
          run.problems.add(
              run.badValue(row.number(), Column.STRENGTH, strengthRaw, vocab.strengths));
        }
        put(e, "strength", strength);
      }
      put(e, "inference", run.value(row, Column.INFERENCE));
      put(e, "note", run.value(row, Column.NOTE));
      return e;
    }

    @SuppressWarnings("unchecked")
    List<String> contextIds(Map<String, Object> cmoc) {
      List<String> out = new ArrayList<>();
      if (cmoc.get("contexts") instanceof List<?> links) {
        for (Object link : links) {
          out.add((String) ((Map<String, Object>) link).get("context"));
        }
      }
      return out;
    }

    @SuppressWarnings("unchecked")
    List<String> outcomeIds(Map<String, Object> cmoc) {
      return cmoc.get("outcomes") instanceof List<?> ids ? (List<String>) ids : List.of();
    }
  }

  // ---- small helpers ----

  /** Puts {@code key} into {@code map} in place, right after {@code after} when it is new. */
  static void putAfter(Map<String, Object> map, String key, Object value, String after) {
    if (map.containsKey(key) || !map.containsKey(after)) {
      map.put(key, value);
      return;
    }
    List<Map.Entry<String, Object>> entries = new ArrayList<>(map.entrySet());
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : entries) {
      copy.put(e.getKey(), e.getValue());
      if (e.getKey().equals(after)) {
        copy.put(key, value);
      }
    }
    map.clear();
    map.putAll(copy);
  }

  static Position at(int row, int column) {
    return new Position(row, column);
  }

  static String slug(String s) {
    return Slugs.isSlug(s) ? s : Slugs.of(s);
  }

  static String unique(String base, Set<String> used) {
    String id = base;
    for (int n = 2; used.contains(id); n++) {
      id = base + "-" + n;
    }
    used.add(id);
    return id;
  }

  /** A cell's lines, stripped; an empty cell has none. */
  static List<String> lines(String cell) {
    if (cell == null || cell.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String line : cell.split("\\r\\n|\\r|\\n", -1)) {
      out.add(line.strip());
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  static Boolean bool(String raw) {
    return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "y", "1" -> Boolean.TRUE;
      case "false", "no", "n", "0" -> Boolean.FALSE;
      default -> null;
    };
  }

  static void put(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  @SafeVarargs
  static <T> T firstNonNull(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  static String abbreviateWords(String s, int max) {
    String one = oneLine(s);
    if (one.length() <= max) {
      return one;
    }
    int cut = one.lastIndexOf(' ', max - 3);
    return one.substring(0, cut > 20 ? cut : max - 3) + "...";
  }

  static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }
}
