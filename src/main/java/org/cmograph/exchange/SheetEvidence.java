package org.cmograph.exchange;

import static org.cmograph.exchange.Drafts.oneLine;
import static org.cmograph.exchange.Drafts.put;
import static org.cmograph.exchange.Drafts.putAfter;
import static org.cmograph.exchange.Drafts.slug;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cmograph.extraction.Extraction;
import org.cmograph.extraction.SheetLayout.Column;

/** The evidence items of a sheet's rows: one per row with evidence cells, one passage one item. */
final class SheetEvidence {
  final SheetRun run;
  final String studyId;

  SheetEvidence(SheetRun run, String studyId) {
    this.run = run;
    this.studyId = studyId;
  }

  Map<String, Object> evidence(Sheet.Row row, String id, String cmocId, Map<String, Object> cmoc) {
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
                "evidence needs its kind (" + String.join(", ", run.vocab.evidenceKinds) + ")"));
      } else {
        kind = FormatVocabulary.match(kindRaw, run.vocab.evidenceKinds);
        if (kind == null) {
          run.problems.add(
              run.badValue(row.number(), Column.EVIDENCE_KIND, kindRaw, run.vocab.evidenceKinds));
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
    put(e, "speaker", speaker);
    put(e, "perspective", perspective);
    String stanceRaw = run.value(row, Column.STANCE);
    if (stanceRaw == null && Extraction.EvidenceItem.FINDING.equals(kind)) {
      run.problems.add(
          run.missingValue(
              row,
              Column.STANCE,
              "a finding needs a stance (" + String.join(", ", run.vocab.stances) + ")"));
    } else if (stanceRaw != null) {
      String stance = FormatVocabulary.match(stanceRaw, run.vocab.stances);
      if (stance == null) {
        run.problems.add(run.badValue(row.number(), Column.STANCE, stanceRaw, run.vocab.stances));
      }
      put(e, "stance", stance);
    }
    String strengthRaw = run.value(row, Column.STRENGTH);
    if (strengthRaw != null) {
      String strength = FormatVocabulary.match(strengthRaw, run.vocab.strengths);
      if (strength == null) {
        run.problems.add(
            run.badValue(row.number(), Column.STRENGTH, strengthRaw, run.vocab.strengths));
      }
      put(e, "strength", strength);
    }
    put(e, "inference", run.value(row, Column.INFERENCE));
    put(e, "note", run.value(row, Column.NOTE));
    return e;
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
              "IMPORT-DUPLICATE-ID",
              row.number(),
              run.col(Column.EVIDENCE_ID),
              ": evidence id '"
                  + id
                  + "' is used twice for CMOC '"
                  + cmocId
                  + "' in study '"
                  + studyId
                  + "'"));
      return;
    }
    for (String key :
        List.of(
            "kind",
            "quote",
            "location",
            "speaker",
            "perspective",
            "stance",
            "strength",
            "inference",
            "note")) {
      if (!java.util.Objects.equals(before.get(key), item.get(key))) {
        run.problems.add(
            run.cellError(
                "IMPORT-CONFLICT",
                row.number(),
                run.col(Column.EVIDENCE_ID),
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
