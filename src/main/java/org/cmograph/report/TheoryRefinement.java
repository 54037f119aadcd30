package org.cmograph.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cmograph.report.Doc.Inline;

/**
 * How the programme theory was refined, as {@link Doc} blocks: for the overview, the versions, a
 * diagram marking added, refined, split, merged and dropped configurations, and the refinement
 * table (each change: configuration, change, what it revises, what prompted it, why); for one
 * theory configuration, its history with its predecessor's statement, its rivals beside it, and the
 * substantive theories it draws on. RAMESES asks a realist synthesis to show how the theory
 * changed, which evidence prompted each change and why (REALIST.md, The programme theory).
 */
final class TheoryRefinement {
  private final EvidenceBase base;
  private final EvidenceBase.Theory theory;
  private final Set<String> current;

  TheoryRefinement(EvidenceBase base, EvidenceBase.Theory theory) {
    this.base = base;
    this.theory = theory;
    this.current =
        new java.util.TreeSet<>(theory.cmocs().stream().map(EvidenceBase.TheoryCmoc::id).toList());
  }

  /** The overview's "Refinement of the programme theory" section. */
  List<Doc.Block> overview() {
    Doc.Builder b = new Doc.Builder();
    b.h(2, "Refinement of the programme theory", "refinement");
    b.p(
        Doc.text(
            "How the theory changed from version to version: which configuration was added, refined, split, merged or dropped, which evidence prompted each change, and why. The current version ("
                + theory.version()
                + ") has "
                + Cerqual.plural(theory.cmocs().size(), "configuration", "configurations")
                + "; the file records "
                + Cerqual.plural(theory.all().size(), "configuration", "configurations")
                + " over "
                + Cerqual.plural(theory.versions().size(), "version", "versions")
                + "."));
    List<List<Inline>> versions = new ArrayList<>();
    for (EvidenceBase.Version v : theory.versions()) {
      List<Inline> item = new ArrayList<>();
      item.add(Doc.strong(v.id()));
      item.add(
          Doc.text(
              (v.date() == null ? "" : ", " + v.date())
                  + (v.authors().isEmpty() ? "" : ", by " + Text.list(v.authors()))
                  + ": "
                  + Cerqual.plural(theory.in(v.id()).size(), "configuration", "configurations")
                  + "."
                  + (v.description() == null ? "" : " " + v.description())));
      versions.add(item);
    }
    b.add(new Doc.Bullets(versions));
    b.add(new Doc.Refinement(RefinementDiagram.of(theory)));
    b.add(table());
    return b.build();
  }

  /** Every change, version by version: configuration, change, revises, prompted by, rationale. */
  Doc.Table table() {
    List<List<List<Inline>>> rows = new ArrayList<>();
    for (EvidenceBase.Version v : theory.versions()) {
      for (EvidenceBase.TheoryCmoc c : RefinementDiagram.of(theory).rows()) {
        for (EvidenceBase.Change e : c.history()) {
          if (!e.version().equals(v.id())) {
            continue;
          }
          List<Inline> revises = new ArrayList<>();
          for (int i = 0; i < e.revises().size(); i++) {
            if (i > 0) {
              revises.add(Doc.text("; "));
            }
            revises.addAll(name(e.revises().get(i)));
          }
          rows.add(
              List.of(
                  Doc.cell(v.id()),
                  name(c.id()),
                  Doc.cell(e.change()),
                  revises.isEmpty() ? Doc.cell("—") : revises,
                  prompts(e, true),
                  Doc.cell(e.rationale())));
        }
      }
    }
    return new Doc.Table(
        List.of("Version", "Theory configuration", "Change", "Revises", "Prompted by", "Rationale"),
        rows,
        null);
  }

  /** The history, rivals and substantive theories of one theory configuration. */
  List<Doc.Block> configuration(EvidenceBase.TheoryCmoc t) {
    Doc.Builder b = new Doc.Builder();
    List<List<Inline>> history = new ArrayList<>();
    for (EvidenceBase.Change e : t.history()) {
      List<Inline> item = new ArrayList<>();
      item.add(Doc.strong(Text.capital(e.change()) + " in the " + e.version() + " version"));
      for (String id : e.revises()) {
        Optional<EvidenceBase.TheoryCmoc> before = theory.cmoc(id);
        item.add(Doc.text("; predecessor: "));
        item.addAll(name(id));
        before.ifPresent(p -> item.add(Doc.text(", which stated: “" + p.statement() + "”")));
      }
      if (!e.promptedBy().isEmpty()) {
        item.add(Doc.text("; prompted by "));
        item.addAll(prompts(e, false));
      }
      item.add(Doc.text(". Rationale: " + e.rationale()));
      history.add(item);
    }
    for (EvidenceBase.TheoryCmoc later : theory.revisedBy(t.id())) {
      List<Inline> item = new ArrayList<>();
      item.add(
          Doc.strong("Replaced in the " + later.origin().orElseThrow().version() + " version"));
      item.add(Doc.text(" by "));
      item.addAll(name(later.id()));
      item.add(Doc.text("."));
      history.add(item);
    }
    if (!history.isEmpty()) {
      b.p(Doc.strong("History in the programme theory:"));
      b.add(new Doc.Bullets(history));
    }
    if (!t.rivalOf().isEmpty()) {
      b.p(
          Doc.strong("Rival explanations: "),
          Doc.text(
              "configurations of the theory that explain the same outcome pattern differently, beside this one."));
      List<List<List<Inline>>> rows = new ArrayList<>();
      for (String id : t.rivalOf()) {
        EvidenceBase.TheoryCmoc r = theory.cmoc(id).orElse(null);
        List<Inline> rival = new ArrayList<>(name(id));
        if (r != null) {
          rival.add(Doc.text(": " + r.statement()));
        }
        rows.add(List.of(List.of(Doc.strong(t.label() + ": "), Doc.text(t.statement())), rival));
      }
      b.add(new Doc.Table(List.of("This configuration", "Rival explanation"), rows, null));
    }
    if (!t.drawsOn().isEmpty()) {
      List<List<Inline>> items = new ArrayList<>();
      for (EvidenceBase.TheorySource s : t.drawsOn()) {
        List<Inline> item = new ArrayList<>();
        item.add(Doc.text(s.theory()));
        if (s.citation() != null) {
          item.add(Doc.text("; " + s.citation()));
        }
        if (s.doi() != null) {
          item.add(Doc.text("; "));
          item.add(Doc.link("doi:" + s.doi(), "https://doi.org/" + s.doi()));
        }
        if (s.namedIn() != null) {
          item.add(Doc.text("; named in "));
          item.add(
              Doc.text(
                  base.study(s.namedIn()).map(EvidenceBase.Study::citation).orElse(s.namedIn())));
        }
        if (s.citation() == null && s.doi() == null) {
          item.add(Doc.text(" (the source cites no work for it)"));
        }
        items.add(item);
      }
      b.p(
          Doc.strong("Draws on"),
          Doc.text(
              " (substantive or middle-range theory: part of the theory, not evidence for it):"));
      b.add(new Doc.Bullets(items));
    }
    return b.build();
  }

  /** A configuration by label and id, linked to its section when the current version has one. */
  private List<Inline> name(String id) {
    Optional<EvidenceBase.TheoryCmoc> c = theory.cmoc(id);
    String label = c.map(EvidenceBase.TheoryCmoc::label).orElse(id);
    if (current.contains(id)) {
      return List.of(Doc.section(label, "theory-" + id), Doc.text(" (" + id + ")"));
    }
    return List.of(Doc.em(label), Doc.text(" (" + id + ", not in the current version)"));
  }

  /**
   * What prompted a change: each item's study and id, and with {@code quotes} the item's quote
   * where the base holds it (a complete base: the overview; a section read alone holds only its own
   * evidence, so sections name the item without its quote and read the same either way).
   */
  private List<Inline> prompts(EvidenceBase.Change e, boolean quotes) {
    List<Inline> out = new ArrayList<>();
    for (int i = 0; i < e.promptedBy().size(); i++) {
      EvidenceBase.Prompt p = e.promptedBy().get(i);
      if (i > 0) {
        out.add(Doc.text("; "));
      }
      String study = base.study(p.study()).map(EvidenceBase.Study::citation).orElse(p.study());
      if (p.evidence() != null) {
        String quote =
            !quotes
                ? ""
                : base.evidence().stream()
                    .filter(x -> x.study().equals(p.study()) && x.id().equals(p.evidence()))
                    .map(EvidenceBase.Evidence::quote)
                    .findFirst()
                    .map(q -> ": “" + q + "”")
                    .orElse("");
        out.add(Doc.text(study + ", evidence " + p.evidence() + quote));
      } else {
        out.add(Doc.text(study + ", configuration " + p.cmoc()));
      }
    }
    return out.isEmpty() ? Doc.cell("—") : out;
  }
}
