package org.cmograph.exchange;

import static org.cmograph.exchange.Drafts.oneLine;
import static org.cmograph.exchange.Drafts.slug;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.cmograph.extraction.Extraction.Cmoc;
import org.cmograph.extraction.Extraction.EvidenceItem;
import org.cmograph.extraction.SheetLayout.Column;

/** The evidence items of a sheet's rows: one per row with evidence cells, one passage one item. */
final class SheetEvidence {
  final SheetRun run;
  final String studyId;

  SheetEvidence(SheetRun run, String studyId) {
    this.run = run;
    this.studyId = studyId;
  }

  EvidenceItem evidence(Sheet.Row row, String id, Cmoc cmoc) {
    String kind = EvidenceItem.FINDING;
    if (run.columns.containsKey(Column.EVIDENCE_KIND)) {
      String kindRaw = run.value(row, Column.EVIDENCE_KIND);
      if (kindRaw == null) {
        run.problems.add(
            run.missingValue(
                row,
                Column.EVIDENCE_KIND,
                "evidence needs its kind (" + String.join(", ", run.vocab.evidenceKinds) + ")"));
      } else {
        kind = FormatVocabulary.match(kindRaw, run.vocab.evidenceKinds);
        if (kind == null) {
          run.problems.add(
              run.badValue(row.number(), Column.EVIDENCE_KIND, kindRaw, run.vocab.evidenceKinds));
        }
      }
    }
    String about = run.value(row, Column.ABOUT);
    List<String> aboutIds = null;
    if (about != null) {
      List<String> refs = new ArrayList<>();
      for (String token : about.split("[\\s,;]+")) {
        if (token.isEmpty()) {
          continue;
        }
        String t = token.toLowerCase(java.util.Locale.ROOT);
        if (t.equals("context") || t.equals("contexts")) {
          cmoc.contexts().forEach(l -> refs.add(l.context()));
        } else if (t.equals("outcome") || t.equals("outcomes")) {
          refs.addAll(cmoc.outcomes());
        } else if (t.equals("response")) {
          refs.add("reasoning"); // the first format's word for the mechanism's reasoning
        } else {
          refs.add(slug(token));
        }
      }
      aboutIds = List.copyOf(new LinkedHashSet<>(refs));
    }
    String quote = run.value(row, Column.QUOTE);
    if (quote == null) {
      run.problems.add(run.missingValue(row, Column.QUOTE, "evidence needs its verbatim quote"));
    }
    String location = run.value(row, Column.LOCATION);
    if (location == null) {
      run.problems.add(
          run.missingValue(
              row,
              Column.LOCATION,
              "evidence needs the place of its quote (e.g. 'Abstract, Results')"));
    }
    String pageRaw = run.value(row, Column.PAGE_NUMBER);
    Integer page = null;
    if (pageRaw != null) {
      if (pageRaw.matches("[1-9][0-9]{0,5}")) {
        page = Integer.valueOf(pageRaw);
      } else {
        run.problems.add(
            run.cellError(
                "IMPORT-BAD-VALUE",
                row.number(),
                run.col(Column.PAGE_NUMBER),
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
        perspective = FormatVocabulary.match(perspectiveRaw, run.vocab.perspectives);
        if (perspective == null) {
          run.problems.add(
              run.badValue(
                  row.number(), Column.PERSPECTIVE, perspectiveRaw, run.vocab.perspectives));
        }
      }
    }
    String speaker;
    if (speakerRaw != null) {
      speaker = FormatVocabulary.match(speakerRaw, run.vocab.speakers);
      if (speaker == null && speakerRaw.toLowerCase(java.util.Locale.ROOT).startsWith("author")) {
        speaker = "authors";
      }
      if (speaker == null) {
        run.problems.add(
            run.badValue(row.number(), Column.SPEAKER, speakerRaw, run.vocab.speakers));
      }
    } else {
      speaker = perspective != null && !authorsPerspective ? "participant" : "authors";
    }
    String stance = null;
    String stanceRaw = run.value(row, Column.STANCE);
    if (stanceRaw == null && EvidenceItem.FINDING.equals(kind)) {
      run.problems.add(
          run.missingValue(
              row,
              Column.STANCE,
              "a finding needs a stance (" + String.join(", ", run.vocab.stances) + ")"));
    } else if (stanceRaw != null) {
      stance = FormatVocabulary.match(stanceRaw, run.vocab.stances);
      if (stance == null) {
        run.problems.add(run.badValue(row.number(), Column.STANCE, stanceRaw, run.vocab.stances));
      }
    }
    String strength = null;
    String strengthRaw = run.value(row, Column.STRENGTH);
    if (strengthRaw != null) {
      strength = FormatVocabulary.match(strengthRaw, run.vocab.strengths);
      if (strength == null) {
        run.problems.add(
            run.badValue(row.number(), Column.STRENGTH, strengthRaw, run.vocab.strengths));
      }
    }
    return new EvidenceItem(
        null,
        id,
        List.of(cmoc.id()),
        kind,
        aboutIds,
        quote,
        location,
        page,
        speaker,
        perspective,
        stance,
        strength,
        run.value(row, Column.INFERENCE),
        run.value(row, Column.NOTE));
  }

  /**
   * A second row with the same evidence id: one passage bearing on another CMOC joins its item,
   * which must then read the same on every row.
   */
  void sameEvidence(
      Sheet.Row row, DraftBuilder draft, EvidenceItem before, EvidenceItem item, int firstRow) {
    String cmocId = item.cmocs().get(0);
    if (before.cmocs().contains(cmocId)) {
      run.problems.add(
          run.cellError(
              "IMPORT-DUPLICATE-ID",
              row.number(),
              run.col(Column.EVIDENCE_ID),
              ": evidence id '"
                  + item.id()
                  + "' is used twice for CMOC '"
                  + cmocId
                  + "' in study '"
                  + studyId
                  + "'"));
      return;
    }
    String differs = DraftEvidence.firstDifference(before, item);
    if (differs != null) {
      run.problems.add(
          run.cellError(
              "IMPORT-CONFLICT",
              row.number(),
              run.col(Column.EVIDENCE_ID),
              ": evidence '"
                  + item.id()
                  + "' has a different "
                  + differs
                  + " here than in row "
                  + firstRow
                  + "; one passage is one evidence item: repeat its cells on the row of each"
                  + " CMOC it bears on, or give this row another evidence id"));
      return;
    }
    draft.join(item.id(), cmocId, item.about());
  }
}
