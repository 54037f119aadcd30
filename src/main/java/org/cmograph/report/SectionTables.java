package org.cmograph.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.cmograph.report.Doc.Inline;

/**
 * The tables of a finding's section: the studies behind it, its CMO configurations, contexts,
 * outcomes, for whom, and evidence by perspective. Each says so in a sentence where it would be
 * empty.
 */
final class SectionTables {
  private final EvidenceBase base;

  SectionTables(EvidenceBase base) {
    this.base = base;
  }

  Doc.Block studies(Section s) {
    List<List<List<Inline>>> rows = new ArrayList<>();
    for (EvidenceBase.Study st : s.studies()) {
      List<Inline> study = new ArrayList<>();
      study.add(Doc.strong(st.citation()));
      study.add(Doc.text(" " + st.title() + " ("));
      study.add(Doc.study(st.id()));
      study.add(Doc.text(")"));
      rows.add(
          List.of(
              study,
              Doc.cell(orDash(st.design())),
              Doc.cell(
                  st.countries().isEmpty() ? "not reported" : String.join(", ", st.countries())),
              Doc.cell(orDash(st.setting())),
              Doc.cell(sample(st)),
              st.doiUrl() == null
                  ? Doc.cell("none given")
                  : List.of(Doc.link("doi:" + st.doi(), st.doiUrl()))));
    }
    if (rows.isEmpty()) {
      return new Doc.Para(Doc.cell("No study contributes."));
    }
    return new Doc.Table(
        List.of("Study", "Design", "Country", "Setting", "Sample", "DOI"), rows, null);
  }

  static String sample(EvidenceBase.Study st) {
    List<String> parts = new ArrayList<>();
    for (EvidenceBase.Sample g : st.sample()) {
      parts.add(g.role() + (g.n() == null ? "" : " (" + g.n() + ")"));
    }
    String s = String.join("; ", parts);
    if (st.sampleTotal() != null) {
      s += (s.isEmpty() ? "" : "; ") + "total " + st.sampleTotal();
    }
    return s.isEmpty() ? "not reported" : s;
  }

  private static String orDash(String s) {
    return s == null ? "not reported" : s;
  }

  Doc.Block cmoc(Section s) {
    boolean theory = s.kind() == Section.Kind.THEORY_CMOC;
    List<List<List<Inline>>> rows = new ArrayList<>();
    for (Section.Row r : s.rows()) {
      EvidenceBase.StudyCmoc c = r.cmoc();
      String contexts =
          c.contexts().isEmpty()
              ? "none stated"
              : c.contexts().stream()
                  .map(x -> x.description() + " [" + x.role() + "]")
                  .collect(Collectors.joining("; "));
      String mechanism =
          c.concept() == null
              ? "(outcome pattern: no mechanism)"
              : (c.resource() == null ? "(resource not reported)" : c.resource())
                  + " → "
                  + (c.response() == null ? "(reasoning not reported)" : c.response());
      if (!theory && c.concept() != null) {
        mechanism = (c.wording() == null ? "" : "‘" + c.wording() + "’: ") + mechanism;
      }
      String outcomes =
          c.outcomes().isEmpty()
              ? "none stated"
              : c.outcomes().stream()
                  .map(
                      o ->
                          o.description()
                              + " ["
                              + (o.direction() == null ? "direction not reported" : o.direction())
                              + "]")
                  .collect(Collectors.joining("; "));
      List<List<Inline>> row = new ArrayList<>();
      row.add(
          base.study(c.study())
              .map(st -> List.of(Doc.text(st.citation())))
              .orElse(Doc.cell(c.study())));
      row.add(List.of(Doc.strong(c.label()), Doc.text(" (" + c.id() + ")")));
      row.add(Doc.cell(contexts));
      if (theory && c.concept() != null) {
        row.add(
            List.of(
                Doc.section(
                    base.concept(c.concept()).map(EvidenceBase.Concept::label).orElse(c.concept()),
                    "mechanism-" + c.concept()),
                Doc.text(": " + mechanism)));
      } else {
        row.add(Doc.cell(mechanism));
      }
      row.add(Doc.cell(outcomes));
      if (theory) {
        row.add(Doc.cell(r.stance()));
      }
      rows.add(row);
    }
    if (rows.isEmpty()) {
      return new Doc.Para(Doc.cell("No study CMOC."));
    }
    List<String> headers =
        new ArrayList<>(
            List.of(
                "Study",
                "CMOC",
                "Contexts",
                "Mechanism: resource → reasoning",
                "Outcomes [direction]"));
    if (theory) {
      headers.add("Stance toward the theory CMOC");
    }
    return new Doc.Table(headers, rows, null);
  }

  Doc.Block contexts(Section s) {
    List<List<List<Inline>>> rows = new ArrayList<>();
    for (String role : Section.ROLES) {
      for (Section.Part<EvidenceBase.Context> p : s.contexts(role)) {
        rows.add(
            List.of(
                List.of(Doc.strong(role)),
                Doc.cell(p.part().description()),
                Doc.cell(p.part().type() == null ? "not stated" : p.part().type()),
                Doc.cell(citation(p.cmoc()))));
      }
    }
    if (rows.isEmpty()) {
      return new Doc.Para(Doc.cell("The contributing CMOCs name no context."));
    }
    return new Doc.Table(List.of("Role", "Context", "Type", "Study (CMOC)"), rows, null);
  }

  private String citation(EvidenceBase.StudyCmoc c) {
    return base.study(c.study()).map(EvidenceBase.Study::citation).orElse(c.study())
        + " ("
        + c.id()
        + ")";
  }

  Doc.Block outcomes(Section s) {
    List<List<List<Inline>>> rows = new ArrayList<>();
    for (Section.Part<EvidenceBase.Outcome> p : s.outcomes()) {
      rows.add(
          List.of(
              Doc.cell(p.part().description()),
              List.of(
                  Doc.strong(p.part().direction() == null ? "not reported" : p.part().direction())),
              Doc.cell(p.part().level() == null ? "not stated" : p.part().level()),
              Doc.cell(citation(p.cmoc()))));
    }
    if (rows.isEmpty()) {
      return new Doc.Para(Doc.cell("The contributing CMOCs name no outcome."));
    }
    return new Doc.Table(List.of("Outcome", "Direction", "Level", "Study (CMOC)"), rows, null);
  }

  /** Whose reasoning and whose outcomes, by actor, with the findings behind each. */
  Doc.Block forWhom(Section s) {
    List<List<List<Inline>>> rows = new ArrayList<>();
    for (Section.ActorRow a : s.actors()) {
      List<Cerqual.Weighted> f = a.findings();
      rows.add(
          List.of(
              List.of(Doc.strong(a.actor())),
              Doc.cell(
                  a.role().equals("reasoning")
                      ? "whose reasoning the mechanism describes"
                      : "whose outcome"),
              Doc.cell(
                  a.configurations().stream()
                      .map(this::citation)
                      .collect(Collectors.joining("; "))),
              List.of(
                  Doc.count(
                      Cerqual.plural(f.size(), "finding", "findings"), SummaryWriter.keys(f))),
              Doc.cell(
                  f.stream().filter(w -> w.stance().equals("supports")).count()
                      + " / "
                      + f.stream().filter(w -> w.stance().equals("refines")).count()
                      + " / "
                      + f.stream().filter(w -> w.stance().equals("refutes")).count()),
              Doc.cell(a.outcomes().isEmpty() ? "—" : String.join("; ", a.outcomes()))));
    }
    if (rows.isEmpty()) {
      return new Doc.Para(
          Doc.cell("The contributing configurations name no actor: for whom is not reported."));
    }
    return new Doc.Table(
        List.of(
            "Actor",
            "Role",
            "Configurations",
            "Findings",
            "Supporting / refining / refuting",
            "Outcomes for them"),
        rows,
        null);
  }

  Doc.Block perspectives(Section s) {
    List<List<List<Inline>>> rows = new ArrayList<>();
    for (Section.PerspectiveCount p : s.perspectives()) {
      rows.add(
          List.of(
              Doc.cell(p.perspective()),
              Doc.cell(String.valueOf(p.items())),
              Doc.cell(String.valueOf(p.studies())),
              Doc.cell(String.valueOf(p.supports())),
              Doc.cell(String.valueOf(p.refines())),
              Doc.cell(String.valueOf(p.refutes()))));
    }
    if (rows.isEmpty()) {
      return new Doc.Para(Doc.cell("No evidence items."));
    }
    return new Doc.Table(
        List.of("Perspective", "Findings", "Studies", "Supporting", "Refining", "Refuting"),
        rows,
        null);
  }
}
