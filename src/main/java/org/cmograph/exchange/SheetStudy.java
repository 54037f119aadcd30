package org.cmograph.exchange;

import static org.cmograph.exchange.Drafts.lines;
import static org.cmograph.exchange.Drafts.slug;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cmograph.extraction.Extraction.Cmoc;
import org.cmograph.extraction.Extraction.EvidenceItem;
import org.cmograph.extraction.Problem;
import org.cmograph.extraction.SheetLayout.Column;

/** The import of one study's rows: grouped into CMOCs, with their parts and evidence. */
final class SheetStudy {
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

  final SheetRun run;
  final String studyId;
  final List<Sheet.Row> rows;
  final DraftBuilder draft;
  final StudyParts parts;
  final SheetEvidence evidenceCells;
  final SheetCmoc cmocCells;

  SheetStudy(SheetRun run, String studyId, List<Sheet.Row> rows) {
    this.run = run;
    this.studyId = studyId;
    this.rows = rows;
    this.draft = new DraftBuilder(studyId, run.sheet.file());
    this.parts = new StudyParts(run, draft);
    this.evidenceCells = new SheetEvidence(run, studyId);
    this.cmocCells = new SheetCmoc(this);
  }

  /** The study's draft, or null when the import has found an error (in this study or another). */
  StudyDraft draft() {
    draft.title(studyValue(Column.TITLE)).source(studyValue(Column.SOURCE));
    List<CmocRows> groups = group();
    // Ids the sheet gives are taken first, so made-up ids never collide with them.
    for (Sheet.Row row : rows) {
      String e = run.value(row, Column.EVIDENCE_ID);
      if (e != null) {
        draft.reserveEvidenceId(slug(e));
      }
    }
    for (CmocRows g : groups) {
      for (Column c : List.of(Column.CONTEXT_ID, Column.OUTCOME_ID)) {
        for (String id : lines(g.values.get(c))) {
          if (!id.isEmpty()) {
            draft.reservePartId(slug(id));
          }
        }
      }
    }
    Map<String, Integer> evidenceRow = new HashMap<>();
    for (CmocRows g : groups) {
      Cmoc cmoc = cmocCells.cmoc(g, draft.cmocCount());
      draft.cmoc(cmoc);
      for (Sheet.Row row : g.rows) {
        if (EVIDENCE_LEVEL.stream().noneMatch(c -> run.value(row, c) != null)) {
          continue;
        }
        String given = run.value(row, Column.EVIDENCE_ID);
        String id = given == null ? draft.newEvidenceId() : slug(given);
        EvidenceItem item = evidenceCells.evidence(row, id, cmoc);
        EvidenceItem before = draft.evidence(id).orElse(null);
        if (before == null) {
          draft.evidence(item);
          evidenceRow.put(id, row.number());
        } else {
          evidenceCells.sameEvidence(row, draft, before, item, evidenceRow.get(id));
        }
      }
    }
    return run.problems.stream().anyMatch(Problem::isError) ? null : draft.build();
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
        "IMPORT-CONFLICT",
        row,
        run.col(column),
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
          cmocColumn ? cell == null : cmocLevel().stream().allMatch(c -> run.value(row, c) == null);
      if (blankCmoc) {
        if (previous == null) {
          run.problems.add(
              cmocColumn
                  ? run.missingValue(
                      row, Column.CMOC, "the first row of a study must name its CMOC")
                  : run.missingValue(row, Column.MECHANISM_RESOURCE, "the row names no CMOC part"));
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
          run.problems.add(conflict(row.number(), c, "CMOC '" + cmocName(g) + "'", g.rowOf.get(c)));
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
}
