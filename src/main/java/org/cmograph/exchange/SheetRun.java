package org.cmograph.exchange;

import static org.cmograph.exchange.Drafts.at;
import static org.cmograph.exchange.Drafts.oneLine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cmograph.extraction.ConceptLabels;
import org.cmograph.extraction.Position;
import org.cmograph.extraction.Problem;
import org.cmograph.extraction.SheetLayout;
import org.cmograph.extraction.SheetLayout.Column;
import org.cmograph.util.Suggest;

/** One import of one sheet: its header, the columns it names, problems and drafts. */
final class SheetRun {
  /** The mechanism columns: a configuration needs one of them. */
  static final Set<Column> MECHANISM =
      EnumSet.of(
          Column.MECHANISM_CONCEPT,
          Column.MECHANISM_WORDING,
          Column.MECHANISM_RESOURCE,
          Column.MECHANISM_REASONING);

  final Sheet sheet;
  final SheetImporter.Options options;
  final List<Problem> problems = new ArrayList<>();
  final Map<Column, Integer> columns = new EnumMap<>(Column.class);
  int headerRow;

  final ConceptLabels catalogue;
  final FormatVocabulary vocab;

  SheetRun(
      Sheet sheet, SheetImporter.Options options, ConceptLabels catalogue, FormatVocabulary vocab) {
    this.sheet = sheet;
    this.options = options;
    this.catalogue = catalogue;
    this.vocab = vocab;
  }

  SheetImporter.Result run() {
    if (sheet.rows().isEmpty()) {
      problems.add(
          Problem.error(
              sheet.file(),
              Position.START,
              "IMPORT-NO-TABLE",
              (sheet.name() == null ? "" : "sheet '" + sheet.name() + "': ")
                  + "no rows; the first row must hold the column headers"));
      return new SheetImporter.Result(List.of(), problems);
    }
    if (!header(sheet.rows().get(0))) {
      return new SheetImporter.Result(List.of(), problems);
    }
    Map<String, List<Sheet.Row>> byStudy = rowsByStudy();
    List<StudyDraft> drafts = new ArrayList<>();
    for (Map.Entry<String, List<Sheet.Row>> e : byStudy.entrySet()) {
      StudyDraft d = new SheetStudy(this, e.getKey(), e.getValue()).draft();
      if (d != null) {
        drafts.add(d);
      }
    }
    // With errors nothing is written, so there are no drafts to give.
    if (problems.stream().anyMatch(Problem::isError)) {
      drafts.clear();
    }
    for (StudyDraft d : drafts) {
      if (!columns.containsKey(Column.EVIDENCE_KIND) && !d.evidence().isEmpty()) {
        problems.add(
            rowWarning(
                "IMPORT-NO-KIND",
                headerRow,
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
    return new SheetImporter.Result(List.copyOf(drafts), List.copyOf(problems));
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
                "IMPORT-UNKNOWN-COLUMN",
                row.number(),
                c.column(),
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
                "IMPORT-DUPLICATE-COLUMN",
                row.number(),
                c.column(),
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
                "IMPORT-UNUSED-MAP",
                row.number(),
                ": --map names the header '" + key + "', which the header row does not have"));
      }
    }
    if (any) {
      problems.addAll(unknown);
    } else {
      problems.add(
          rowError(
              "IMPORT-NO-HEADER",
              row.number(),
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
              "IMPORT-MISSING-COLUMN",
              row.number(),
              ": no '"
                  + m
                  + "' column; the headers are: "
                  + String.join(", ", row.cells().stream().map(c -> oneLine(c.text())).toList())));
    }
    boolean readable = missing.isEmpty() && problems.stream().noneMatch(Problem::isError);
    if (columns.containsKey(Column.CONTEXT) && !columns.containsKey(Column.CONTEXT_ROLE)) {
      // The role is the researcher's reading of the source; the import never guesses it. The
      // rows are still read, so that every other problem is reported too.
      problems.add(
          rowError(
              "IMPORT-MISSING-COLUMN",
              row.number(),
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
                  "IMPORT-EXTRA-CELL",
                  row.number(),
                  c.column(),
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
        "IMPORT-MISSING-VALUE",
        row.number(),
        col(column),
        ": " + why + " (column '" + column.header() + "' is empty)");
  }

  Problem badValue(int row, Column column, String raw, List<String> allowed) {
    return cellError(
        "IMPORT-BAD-VALUE",
        row,
        col(column),
        ": "
            + column.header()
            + " '"
            + oneLine(raw)
            + "' is not one of "
            + String.join(", ", allowed)
            + Suggest.didYouMean(raw.strip().toLowerCase(java.util.Locale.ROOT), allowed));
  }
}
