package org.cmograph.exchange;

import static org.cmograph.exchange.Drafts.abbreviateWords;
import static org.cmograph.exchange.Drafts.firstNonNull;
import static org.cmograph.exchange.Drafts.lines;
import static org.cmograph.exchange.Drafts.oneLine;
import static org.cmograph.exchange.Drafts.slug;

import java.util.ArrayList;
import java.util.List;
import org.cmograph.extraction.Extraction.Cmoc;
import org.cmograph.extraction.Extraction.ContextLink;
import org.cmograph.extraction.Extraction.Mechanism;
import org.cmograph.extraction.Extraction.TheoryLink;
import org.cmograph.extraction.SheetLayout.Column;

/** One CMOC of a sheet, from the cells of its rows: its label, kind, mechanism, links. */
final class SheetCmoc {
  /** A theory link cell line with a rationale: "supports tc1: why" (two tokens, then a colon). */
  private static final java.util.regex.Pattern WITH_RATIONALE =
      java.util.regex.Pattern.compile("^\\s*(\\S+\\s+[^\\s:]+)\\s*:\\s+(.+)$");

  final SheetStudy study;
  final SheetRun run;

  SheetCmoc(SheetStudy study) {
    this.study = study;
    this.run = study.run;
  }

  Cmoc cmoc(CmocRows g, int index) {
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
      g.id = study.draft.newCmocId(base.isEmpty() ? "cmoc-" + (index + 1) : base);
    } else if (!study.draft.takeCmocId(g.id)) {
      run.problems.add(
          run.cellError(
              "IMPORT-DUPLICATE-ID",
              g.first.number(),
              run.col(Column.CMOC),
              ": CMOC id '" + g.id + "' is used twice in study '" + study.studyId + "'"));
    }
    if (label == null) {
      label = "CMOC " + g.id;
    }
    String kind = Cmoc.CONFIGURATION;
    String kindRaw = g.values.get(Column.CMOC_KIND);
    if (kindRaw != null) {
      kind = FormatVocabulary.match(kindRaw, run.vocab.cmocKinds);
      if (kind == null) {
        run.problems.add(
            run.badValue(
                g.rowOf.get(Column.CMOC_KIND), Column.CMOC_KIND, kindRaw, run.vocab.cmocKinds));
        kind = Cmoc.CONFIGURATION;
      }
    }
    String actor = g.values.get(Column.ACTOR);
    if (actor != null) {
      actor = study.parts.actor(actor, g.rowOf.get(Column.ACTOR), Column.ACTOR);
    }
    List<ContextLink> contexts = study.parts.contextLinks(g);
    Mechanism mechanism = null;
    Column mechanismCell =
        SheetRun.MECHANISM.stream().filter(c -> g.values.get(c) != null).findFirst().orElse(null);
    if (Cmoc.OUTCOME_PATTERN.equals(kind)) {
      if (mechanismCell != null) {
        run.problems.add(
            run.cellError(
                "MECHANISM-IN-PATTERN",
                g.rowOf.get(mechanismCell),
                run.col(mechanismCell),
                ": CMOC '"
                    + g.id
                    + "' is an outcome pattern, which has no mechanism; empty the mechanism"
                    + " cells, or make its cmoc kind 'configuration'"));
      }
    } else if (mechanismCell == null) {
      run.problems.add(
          run.cellError(
              "IMPORT-MISSING-VALUE",
              g.first.number(),
              run.col(
                  SheetRun.MECHANISM.stream()
                      .filter(run.columns::containsKey)
                      .findFirst()
                      .orElse(Column.CMOC_KIND)),
              ": CMOC '"
                  + g.id
                  + "' is a configuration but names no mechanism (its mechanism cells are"
                  + " empty); give its concept, wording, resource or reasoning, or make its"
                  + " cmoc kind 'outcome-pattern' if the study shows outcomes without one"));
    } else {
      mechanism = mechanism(g);
    }
    List<String> outcomes = study.parts.outcomeIds(g);
    List<String> next = new ArrayList<>();
    for (String line : lines(g.values.get(Column.LEADS_TO))) {
      for (String token : line.split("[\\s,;]+")) {
        if (!token.isEmpty() && !next.contains(slug(token))) {
          next.add(slug(token));
        }
      }
    }
    return new Cmoc(
        null,
        g.id,
        label,
        g.values.get(Column.STATEMENT),
        kind,
        g.values.get(Column.STRATEGY),
        actor,
        contexts,
        mechanism,
        outcomes,
        next,
        theoryLinks(g));
  }

  List<TheoryLink> theoryLinks(CmocRows g) {
    List<TheoryLink> out = new ArrayList<>();
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
        String s = FormatVocabulary.match(token, run.vocab.theoryStances);
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
                "IMPORT-BAD-VALUE",
                row,
                run.col(Column.THEORY_LINKS),
                ": theory link '"
                    + line
                    + "' should be a stance ("
                    + String.join(", ", run.vocab.theoryStances)
                    + ") and a theory CMOC id, e.g. 'supports tc1'"));
        continue;
      }
      out.add(
          new TheoryLink(
              null, target, stance, rationale != null && !rationale.isEmpty() ? rationale : null));
    }
    return out;
  }

  Mechanism mechanism(CmocRows g) {
    String concept = g.values.get(Column.MECHANISM_CONCEPT);
    String wording = g.values.get(Column.MECHANISM_WORDING);
    String resource = g.values.get(Column.MECHANISM_RESOURCE);
    String reasoning = g.values.get(Column.MECHANISM_REASONING);
    // An empty cell is a part the source does not report: said so, never filled in.
    return StudyDraft.mechanism(
        concept(g, concept, wording, resource, reasoning), wording, resource, reasoning);
  }

  /** The catalogue concept ({@link ConceptChoice}); a guess is reported and commented. */
  String concept(CmocRows g, String concept, String wording, String resource, String reasoning) {
    ConceptChoice choice = ConceptChoice.of(run.catalogue, concept, wording, resource, reasoning);
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
              "IMPORT-UNMATCHED-MECHANISM",
              row,
              run.col(where),
              ": no catalogue concept for mechanism '" + named + "'"));
      return null;
    }
    run.problems.add(
        run.cellWarning(
            "IMPORT-UNMATCHED-MECHANISM",
            row,
            run.col(where),
            ": "
                + choice.guessWarning(concept, named)
                + ". Check it, or add a concept to ontology/mechanism-catalogue.ttl"));
    study.draft.checkConcept(g.id, choice.comment(concept));
    return choice.id();
  }
}
