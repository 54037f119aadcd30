package org.cmograph.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The evidence behind one finding: a mechanism concept (the study CMOCs whose mechanism is an
 * instance of it) or a theory CMOC (the study CMOCs that link to it). Renderers read everything
 * they print from here, so Markdown and HTML say the same things.
 */
public final class Section {
  /** What the section is about. */
  public enum Kind {
    MECHANISM("mechanism"),
    THEORY_CMOC("theory");

    final String prefix;

    Kind(String prefix) {
      this.prefix = prefix;
    }
  }

  /** A contributing study CMOC and (for a theory CMOC) its stance toward it. */
  public record Row(EvidenceBase.StudyCmoc cmoc, String stance) {}

  /** A context or outcome of a contributing study CMOC. */
  public record Part<T>(T part, EvidenceBase.StudyCmoc cmoc) {}

  /** Evidence items that share one quote. */
  public record Quote(String text, List<EvidenceBase.Evidence> items, String stance) {
    public EvidenceBase.Evidence first() {
      return items.get(0);
    }
  }

  /** Counts of items from one perspective. */
  public record PerspectiveCount(
      String perspective, int items, int studies, int supports, int refines, int refutes) {}

  /** Most quotes shown under "Key quotes"; the rest are counted. */
  static final int KEY_QUOTES = 12;

  private final Kind kind;
  private final String id;
  private final String title;
  private final EvidenceBase.Concept concept;
  private final Optional<EvidenceBase.TheoryCmoc> theoryCmoc;
  private final EvidenceBase base;
  private final List<Row> rows;
  private final List<Cerqual.Weighted> items;

  private Section(
      Kind kind,
      String id,
      String title,
      EvidenceBase.Concept concept,
      Optional<EvidenceBase.TheoryCmoc> theoryCmoc,
      EvidenceBase base,
      List<Row> rows,
      List<Cerqual.Weighted> items) {
    this.kind = kind;
    this.id = id;
    this.title = title;
    this.concept = concept;
    this.theoryCmoc = theoryCmoc;
    this.base = base;
    this.rows = rows;
    List<Cerqual.Weighted> w = new ArrayList<>(items);
    w.sort(
        Comparator.comparing((Cerqual.Weighted x) -> x.item().study())
            .thenComparing(x -> x.item().id()));
    this.items = List.copyOf(w);
  }

  /**
   * The section for a mechanism concept: the study configurations whose mechanism is an instance of
   * it or of a narrower concept, and the findings that count for it ({@link
   * EvidenceBase#countingFor}, the one counting rule).
   */
  public static Section mechanism(EvidenceBase base, String conceptId) {
    EvidenceBase.Concept c =
        base.concept(conceptId)
            .orElseThrow(
                () -> new IllegalArgumentException("no mechanism concept '" + conceptId + "'"));
    Set<String> concepts = base.selfAndNarrower(conceptId);
    List<Row> rows =
        base.cmocs().stream()
            .filter(x -> x.concept() != null && concepts.contains(x.concept()))
            .map(x -> new Row(x, null))
            .toList();
    List<Cerqual.Weighted> items =
        base.countingFor(conceptId).stream().map(e -> new Cerqual.Weighted(e, e.stance())).toList();
    return new Section(
        Kind.MECHANISM, conceptId, c.label(), c, Optional.empty(), base, rows, items);
  }

  /**
   * The section for a theory CMOC: the study configurations that support, refute or refine it, and
   * their findings (each once), with the stance the link and the item's own stance compose to. A
   * theory configuration is the whole CMO claim, so every finding of a linked configuration bears
   * on it, whatever part it is about.
   */
  public static Section theory(EvidenceBase base, EvidenceBase.TheoryCmoc t) {
    EvidenceBase.Concept c =
        base.concept(t.concept())
            .orElse(new EvidenceBase.Concept(t.concept(), t.concept(), null, null));
    List<Row> rows =
        base.cmocs().stream()
            .filter(x -> x.theoryLinks().containsKey(t.id()))
            .map(x -> new Row(x, x.theoryLinks().get(t.id())))
            .toList();
    Map<String, Cerqual.Weighted> once = new LinkedHashMap<>();
    for (Row r : rows) {
      for (EvidenceBase.Evidence e : base.evidenceOf(r.cmoc().key())) {
        if (e.isFinding()) {
          once.putIfAbsent(
              e.key(), new Cerqual.Weighted(e, Stances.compose(r.stance(), e.stance())));
        }
      }
    }
    return new Section(
        Kind.THEORY_CMOC,
        t.id(),
        t.label(),
        c,
        Optional.of(t),
        base,
        rows,
        List.copyOf(once.values()));
  }

  public Kind kind() {
    return kind;
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  /** "mechanism-trusting-relationship", "theory-downstream-outcomes": page name and anchor. */
  public String slug() {
    return kind.prefix + "-" + id;
  }

  public EvidenceBase.Concept concept() {
    return concept;
  }

  public Optional<EvidenceBase.TheoryCmoc> theoryCmoc() {
    return theoryCmoc;
  }

  public EvidenceBase base() {
    return base;
  }

  public List<Row> rows() {
    return rows;
  }

  /** Evidence items of the contributing CMOCs, each with its stance toward this finding. */
  public List<Cerqual.Weighted> items() {
    return items;
  }

  /** Contributing studies, by id. */
  public List<EvidenceBase.Study> studies() {
    Set<String> ids = new java.util.TreeSet<>();
    rows.forEach(r -> ids.add(r.cmoc().study()));
    return ids.stream().map(i -> base.study(i)).flatMap(Optional::stream).toList();
  }

  /** Studies whose CMOCs link to this theory CMOC with {@code stance}. */
  public List<String> studiesWithLink(String stance) {
    return rows.stream()
        .filter(r -> stance.equals(r.stance()))
        .map(r -> r.cmoc().study())
        .distinct()
        .sorted()
        .toList();
  }

  /** The roles a context can play for a configuration, in the order the summaries list them. */
  public static final List<String> ROLES = List.of("enabling", "conditioning", "blocking");

  /** The contexts the contributing CMOCs give {@code role} (enabling, conditioning, blocking). */
  public List<Part<EvidenceBase.Context>> contexts(String role) {
    List<Part<EvidenceBase.Context>> out = new ArrayList<>();
    for (Row r : rows) {
      for (EvidenceBase.Context c : r.cmoc().contexts()) {
        if (role.equals(c.role())) {
          out.add(new Part<>(c, r.cmoc()));
        }
      }
    }
    return out;
  }

  public List<Part<EvidenceBase.Outcome>> outcomes() {
    List<Part<EvidenceBase.Outcome>> out = new ArrayList<>();
    for (Row r : rows) {
      r.cmoc().outcomes().forEach(o -> out.add(new Part<>(o, r.cmoc())));
    }
    return out;
  }

  /**
   * For whom: one actor (by type, or id where no type is given) in one role — whose reasoning the
   * mechanism describes, or whose outcome an outcome is — with the contributing configurations, the
   * findings of those configurations (each once) and the outcomes for that actor.
   */
  public record ActorRow(
      String actor,
      String role,
      List<EvidenceBase.StudyCmoc> configurations,
      List<Cerqual.Weighted> findings,
      List<String> outcomes) {}

  /** Whose reasoning and whose outcomes the contributing configurations are about, by actor. */
  public List<ActorRow> actors() {
    return ForWhom.rows(rows, items);
  }

  public List<PerspectiveCount> perspectives() {
    Map<String, List<Cerqual.Weighted>> by = new TreeMap<>();
    items.forEach(
        w -> by.computeIfAbsent(Cerqual.perspective(w.item()), k -> new ArrayList<>()).add(w));
    List<PerspectiveCount> out = new ArrayList<>();
    by.forEach(
        (p, ws) ->
            out.add(
                new PerspectiveCount(
                    p,
                    ws.size(),
                    (int) ws.stream().map(w -> w.item().study()).distinct().count(),
                    count(ws, "supports"),
                    count(ws, "refines"),
                    count(ws, "refutes"))));
    return out;
  }

  private static int count(List<Cerqual.Weighted> ws, String stance) {
    return (int) ws.stream().filter(w -> w.stance().equals(stance)).count();
  }

  /**
   * The distinct quotes, participants' words first, then authors', then extractors' (whose
   * inference is shown with the quote); within each, quotes from studies with fewer methodological
   * concerns first, then the strongest, then by study and id.
   */
  public List<Quote> quotes() {
    Map<String, List<Cerqual.Weighted>> byText = new LinkedHashMap<>();
    List<Cerqual.Weighted> ordered = new ArrayList<>(items);
    ordered.sort(
        Comparator.comparingInt((Cerqual.Weighted w) -> rank(SPEAKERS, w.item().speaker()))
            .thenComparingInt(
                w ->
                    rank(
                        Stances.CONCERNS,
                        base.study(w.item().study())
                            .map(EvidenceBase.Study::limitations)
                            .orElse(null)))
            .thenComparingInt(w -> rank(STRENGTHS, w.item().strength()))
            .thenComparing(w -> w.item().study())
            .thenComparing(w -> w.item().id()));
    for (Cerqual.Weighted w : ordered) {
      byText.computeIfAbsent(key(w), k -> new ArrayList<>()).add(w);
    }
    List<Quote> out = new ArrayList<>();
    byText.forEach(
        (k, ws) ->
            out.add(
                new Quote(
                    ws.get(0).item().quote(),
                    ws.stream().map(Cerqual.Weighted::item).toList(),
                    ws.stream()
                        .map(Cerqual.Weighted::stance)
                        .max(Comparator.comparingInt(Stances.STANCES::indexOf))
                        .orElse("supports"))));
    return out;
  }

  /** The same quote from the same study and speaker is shown once. */
  private static String key(Cerqual.Weighted w) {
    return w.item().study() + "\u0000" + w.item().speaker() + "\u0000" + w.item().quote();
  }

  private static final List<String> SPEAKERS = List.of("participant", "authors", "extractor");
  private static final List<String> STRENGTHS = List.of("strong", "moderate", "weak");

  private static int rank(List<String> order, String value) {
    int i = value == null ? -1 : order.indexOf(value);
    return i < 0 ? order.size() : i;
  }

  /** Items whose stance toward this finding is {@code stance}. */
  public List<Cerqual.Weighted> withStance(String stance) {
    return items.stream().filter(w -> w.stance().equals(stance)).toList();
  }

  /** What is missing, stated plainly; empty when nothing the rules look for is missing. */
  public List<String> gaps() {
    return Gaps.of(this);
  }

  public Cerqual.Profile profile() {
    Cerqual.Profile p = profile;
    if (p == null) {
      p =
          Cerqual.profile(
              base::study,
              items,
              rows.stream().map(Row::cmoc).toList(),
              theoryCmoc.map(EvidenceBase.TheoryCmoc::contexts).orElse(List.of()),
              kind == Kind.THEORY_CMOC,
              theoryCmoc.flatMap(EvidenceBase.TheoryCmoc::assessment));
      profile = p;
    }
    return p;
  }

  private volatile Cerqual.Profile profile;

  /** Narrower concepts of this section's concept that studies use (mechanism sections). */
  public List<EvidenceBase.Concept> narrowerInUse() {
    Set<String> used = base.conceptsInUse();
    return base.concepts().stream()
        .filter(c -> concept.id().equals(c.broader()) && used.contains(c.id()))
        .toList();
  }
}
