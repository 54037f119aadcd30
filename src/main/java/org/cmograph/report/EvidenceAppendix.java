package org.cmograph.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cmograph.report.Doc.Inline;

/**
 * The evidence appendix a realist synthesis publishes (RAMESES): under each configuration of the
 * programme theory and under each study configuration, every excerpt behind it, with no cap.
 * Findings are grouped by their stance (supports, refines, refutes); excerpts that are not findings
 * (methods, background, recommendations, hypotheses) are shown apart under their kind, because they
 * never count as support, refutation or adequacy. Each excerpt names its study, item id, location,
 * speaker and perspective.
 *
 * <pre>
 * List&lt;Doc.Block&gt; blocks = new EvidenceAppendix(base).blocks(1);
 * </pre>
 */
final class EvidenceAppendix {
  /** The page name (without extension) and the anchor of the appendix's heading. */
  static final String SLUG = "evidence-appendix";

  /** The kinds of evidence item that are not findings, in the order the appendix shows them. */
  static final List<String> OTHER_KINDS =
      List.of("method", "background", "recommendation", "hypothesis");

  private final EvidenceBase base;
  private final Map<String, EvidenceBase.StudyCmoc> cmocs = new java.util.HashMap<>();

  EvidenceAppendix(EvidenceBase base) {
    this.base = base;
    base.cmocs().forEach(c -> cmocs.putIfAbsent(c.key(), c));
  }

  /** An excerpt under one configuration: the item and its stance toward that configuration. */
  private record Excerpt(EvidenceBase.Evidence item, String stance, List<String> via) {
    String id() {
      return item.key();
    }
  }

  /** The appendix, its top heading at {@code level}. */
  List<Doc.Block> blocks(int level) {
    Doc.Builder b = new Doc.Builder();
    b.h(level, "Evidence appendix", SLUG);
    b.p(
        Doc.text(
            "Every excerpt behind each configuration of the programme theory and each study configuration, with no cap."
                + " Under each, the findings are grouped by their stance toward it (supports, refines, refutes);"
                + " excerpts that are not findings of the study (methods, background, recommendations, hypotheses) follow apart,"
                + " under their kind, because they never count as support, refutation or adequacy of data."
                + " Each excerpt gives its study, evidence item id, location, speaker and perspective."));
    base.theory()
        .ifPresent(
            t -> {
              b.h(level + 1, "Theory configurations", SLUG + "-theory");
              for (EvidenceBase.TheoryCmoc c : t.cmocs()) {
                theoryCmoc(c, level + 2, b);
              }
            });
    b.h(level + 1, "Study configurations", SLUG + "-studies");
    Map<String, List<EvidenceBase.StudyCmoc>> byStudy = new LinkedHashMap<>();
    base.cmocs().forEach(c -> byStudy.computeIfAbsent(c.study(), k -> new ArrayList<>()).add(c));
    for (Map.Entry<String, List<EvidenceBase.StudyCmoc>> s : byStudy.entrySet()) {
      Optional<EvidenceBase.Study> study = base.study(s.getKey());
      b.h(
          level + 2,
          study.map(x -> x.citation() + ": " + x.title()).orElse(s.getKey()),
          "appendix-study-" + s.getKey());
      study.ifPresent(x -> related(x, b));
      for (EvidenceBase.StudyCmoc c : s.getValue()) {
        studyCmoc(c, level + 3, b);
      }
    }
    return b.build();
  }

  private void theoryCmoc(EvidenceBase.TheoryCmoc t, int level, Doc.Builder b) {
    b.h(level, t.label(), "appendix-theory-" + t.id());
    // Each item once, even when it reaches the theory CMOC through several study CMOCs: with the
    // most critical of its stances and every CMOC it came through.
    Map<String, Excerpt> items = new LinkedHashMap<>();
    for (EvidenceBase.StudyCmoc c : base.cmocs()) {
      String link = c.theoryLinks().get(t.id());
      if (link == null) {
        continue;
      }
      for (EvidenceBase.Evidence e : base.evidenceOf(c.key())) {
        // Only a finding has a stance toward the configuration; the other kinds are shown apart.
        String stance = e.stance() == null ? null : Stances.compose(link, e.stance());
        Excerpt seen = items.get(e.study() + "/" + e.id());
        if (seen == null) {
          items.put(e.study() + "/" + e.id(), new Excerpt(e, stance, List.of(c.key())));
        } else {
          List<String> via = new ArrayList<>(seen.via());
          via.add(c.key());
          String worse =
              stance != null
                      && Stances.STANCES.indexOf(stance) > Stances.STANCES.indexOf(seen.stance())
                  ? stance
                  : seen.stance();
          items.put(seen.id(), new Excerpt(seen.item(), worse, via));
        }
      }
    }
    List<Excerpt> sorted = new ArrayList<>(items.values());
    sorted.sort(
        java.util.Comparator.comparing((Excerpt x) -> x.item().study())
            .thenComparing(x -> x.item().id()));
    List<Inline> intro = new ArrayList<>();
    intro.add(Doc.strong(t.id()));
    intro.add(Doc.text(": " + t.statement() + " Summary: "));
    intro.add(Doc.section(t.label(), "theory-" + t.id()));
    intro.add(Doc.text("."));
    b.p(intro);
    excerpts(sorted, b);
  }

  private void studyCmoc(EvidenceBase.StudyCmoc c, int level, Doc.Builder b) {
    b.h(level, c.label() + " (" + c.id() + ")", "appendix-cmoc-" + c.study() + "-" + c.id());
    List<Inline> intro = new ArrayList<>();
    intro.add(Doc.text(c.statement() == null ? "" : c.statement() + " "));
    if (c.actor() != null) {
      intro.add(Doc.text("Whose reasoning: " + c.actor().label() + ". "));
    }
    if (c.theoryLinks().isEmpty()) {
      intro.add(Doc.text("It is linked to no theory configuration."));
    } else {
      intro.add(Doc.text("Toward the programme theory: "));
      int i = 0;
      for (Map.Entry<String, String> link : new java.util.TreeMap<>(c.theoryLinks()).entrySet()) {
        intro.add(Doc.text((i++ > 0 ? "; " : "") + link.getValue() + " "));
        intro.add(Doc.section(theoryLabel(link.getKey()), "appendix-theory-" + link.getKey()));
      }
      intro.add(Doc.text("."));
    }
    b.p(intro);
    List<Excerpt> items =
        base.evidenceOf(c.key()).stream()
            .map(e -> new Excerpt(e, e.stance(), List.of(c.key())))
            .toList();
    excerpts(items, b);
  }

  /** "peer-2024/hope-new-paths (actor: recipients)", or without the actor where none is named. */
  private String cmocWithActor(String key) {
    return Optional.ofNullable(cmocs.get(key))
        .map(c -> c.id() + (c.actor() == null ? "" : " (actor: " + c.actor().label() + ")"))
        .orElse(key);
  }

  /** Reports that are not independent evidence say so where their excerpts start. */
  private void related(EvidenceBase.Study s, Doc.Builder b) {
    for (EvidenceBase.Related r : s.related()) {
      String other = base.study(r.study()).map(EvidenceBase.Study::citation).orElse(r.study());
      b.p(
          Doc.strong("Not independent: "),
          Doc.text(
              ("same-study".equals(r.relation())
                  ? "a report of the same study as "
                      + other
                      + "; the confidence indicators count them as one study."
                  : "restates findings of "
                      + other
                      + "; the confidence indicators do not count its restatements again.")),
          Doc.text(" See "),
          Doc.section(other, "appendix-study-" + r.study()),
          Doc.text("."));
    }
  }

  private String theoryLabel(String id) {
    return base.theory()
        .flatMap(t -> t.cmocs().stream().filter(x -> x.id().equals(id)).findFirst())
        .map(EvidenceBase.TheoryCmoc::label)
        .orElse(id);
  }

  /** The findings by stance, then the other kinds, each group with its count and every excerpt. */
  private void excerpts(List<Excerpt> items, Doc.Builder b) {
    List<Excerpt> findings = items.stream().filter(x -> kind(x.item()).equals("finding")).toList();
    if (items.isEmpty()) {
      b.p(Doc.text("No evidence item."));
      return;
    }
    for (String stance : Stances.STANCES) {
      List<Excerpt> group = findings.stream().filter(x -> stance.equals(x.stance())).toList();
      b.p(
          Doc.strong(Text.capital(stance) + ": "),
          Doc.count(
              Cerqual.plural(group.size(), "finding", "findings"),
              group.stream().map(Excerpt::id).toList()),
          Doc.text("."));
      group.forEach(x -> b.add(quote(x, true)));
    }
    // Kinds beyond the known ones (a newer vocabulary) are shown too, after them.
    java.util.Set<String> kinds = new java.util.LinkedHashSet<>(OTHER_KINDS);
    items.stream()
        .map(x -> kind(x.item()))
        .filter(k -> !k.equals("finding"))
        .sorted()
        .forEach(kinds::add);
    for (String kind : kinds) {
      List<Excerpt> group = items.stream().filter(x -> kind(x.item()).equals(kind)).toList();
      if (group.isEmpty()) {
        continue;
      }
      b.p(
          Doc.strong("Not a finding (" + kind + "): "),
          Doc.count(
              Cerqual.plural(group.size(), "excerpt", "excerpts"),
              group.stream().map(Excerpt::id).toList()),
          Doc.text(", shown apart and not counted."));
      group.forEach(x -> b.add(quote(x, false)));
    }
  }

  private Doc.Quote quote(Excerpt x, boolean finding) {
    EvidenceBase.Evidence e = x.item();
    Optional<EvidenceBase.Study> st = base.study(e.study());
    List<Inline> c = new ArrayList<>();
    c.add(Doc.text("— "));
    c.add(Doc.strong(st.map(EvidenceBase.Study::citation).orElse(e.study())));
    c.add(
        Doc.text(
            ", " + e.location() + (e.page() == null ? "" : ", p. " + e.page()) + ". Evidence "));
    c.add(Doc.evidence(e.study(), e.id()));
    c.add(Doc.text("; "));
    String who =
        switch (e.speaker()) {
          case "participant" -> "participant's words";
          case "extractor" ->
              "extractor's inference" + (e.inference() == null ? "" : " (" + e.inference() + ")");
          default -> "authors' statement";
        };
    c.add(Doc.text(who + "; perspective: " + Cerqual.perspective(e)));
    if (finding && !x.stance().equals(e.stance())) {
      c.add(
          Doc.text(
              "; the item "
                  + e.stance()
                  + " its study CMOC, which "
                  + x.stance()
                  + " this configuration"));
    }
    c.add(
        Doc.text(
            "; study CMOC "
                + String.join(", ", x.via().stream().map(this::cmocWithActor).toList())));
    c.add(Doc.text(e.verified() ? "." : "; not verified: no source text."));
    return new Doc.Quote(e.quote() == null ? "(no quote recorded)" : e.quote(), c);
  }

  /** The item's kind of evidence (finding, method, background, recommendation, hypothesis). */
  private static String kind(EvidenceBase.Evidence e) {
    return e.kind() == null ? "finding" : e.kind();
  }

  /** The overview's pointer to the appendix (a page of its own, or a section below). */
  static List<Doc.Block> overviewLink(int level) {
    return List.of(
        new Doc.Heading(level, "Evidence appendix", SLUG + "-link"),
        new Doc.Para(
            List.of(
                Doc.text(
                    "Every excerpt behind each theory and study configuration, grouped by stance, with non-findings apart: "),
                Doc.section("the evidence appendix", SLUG),
                Doc.text("."))));
  }
}
