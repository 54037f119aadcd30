package org.cmograph.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the summaries are written from: the studies, the mechanism catalogue, the study CMOCs with
 * their evidence, and the programme theory, as read from the store by {@link EvidenceReader}. Every
 * list is in a fixed order (by id), so the same graph always gives the same summaries.
 *
 * <p>A base is either complete (everything in the store) or partial: read for a selection of
 * sections, it holds only the CMOCs those sections need, their evidence and the studies they cite,
 * with the {@link Totals} of the whole store and the {@link #conceptsInUse() concepts any study
 * CMOC names}, so the selected sections come out exactly as from a complete base.
 *
 * <p>The programme theory's records ({@code EvidenceBase.Theory}, {@code TheoryCmoc}, ...) are
 * declared in {@link TheoryModel}, which this class implements so that they keep their names.
 */
public final class EvidenceBase implements TheoryModel {
  /** The size of the whole evidence base and its "data as of" date (the latest extraction date). */
  public record Totals(int studies, int cmocs, int evidence, String dataAsOf) {}

  private final List<Study> studies;
  private final List<Concept> concepts;
  private final List<StudyCmoc> cmocs;
  private final List<Evidence> evidence;
  private final Optional<Theory> theory;
  private final Totals totals;
  private final Set<String> conceptsInUse;
  private final boolean complete;
  private final Map<String, Study> studyById = new HashMap<>();
  private final Map<String, Concept> conceptById = new HashMap<>();
  private Map<String, List<Evidence>> evidenceByCmoc;

  /** A complete base: everything in the store. */
  public EvidenceBase(
      List<Study> studies,
      List<Concept> concepts,
      List<StudyCmoc> cmocs,
      List<Evidence> evidence,
      Optional<Theory> theory) {
    this(studies, concepts, cmocs, evidence, theory, null, null, true);
  }

  /**
   * A partial base (see the class comment): {@code totals} and {@code conceptsInUse} describe the
   * whole store, the lists only what the selected sections need.
   */
  public static EvidenceBase partial(
      List<Study> studies,
      List<Concept> concepts,
      List<StudyCmoc> cmocs,
      List<Evidence> evidence,
      Optional<Theory> theory,
      Totals totals,
      Set<String> conceptsInUse) {
    return new EvidenceBase(
        studies, concepts, cmocs, evidence, theory, totals, conceptsInUse, false);
  }

  private EvidenceBase(
      List<Study> studies,
      List<Concept> concepts,
      List<StudyCmoc> cmocs,
      List<Evidence> evidence,
      Optional<Theory> theory,
      Totals totals,
      Set<String> conceptsInUse,
      boolean complete) {
    this.studies = List.copyOf(studies);
    this.concepts = List.copyOf(concepts);
    this.cmocs = List.copyOf(cmocs);
    this.evidence = List.copyOf(evidence);
    this.theory = theory;
    this.complete = complete;
    // The first of equal ids wins, as a scan of the list would find it.
    this.studies.forEach(s -> studyById.putIfAbsent(s.id(), s));
    this.concepts.forEach(c -> conceptById.putIfAbsent(c.id(), c));
    if (conceptsInUse == null) {
      Set<String> used = new TreeSet<>();
      this.cmocs.stream().map(StudyCmoc::concept).filter(k -> k != null).forEach(used::add);
      conceptsInUse = used;
    }
    this.conceptsInUse = Collections.unmodifiableSet(new TreeSet<>(conceptsInUse));
    this.totals =
        totals != null
            ? totals
            : new Totals(
                this.studies.size(),
                this.cmocs.size(),
                // Findings only; an item bearing on several CMOCs is one row per CMOC: count it
                // once.
                (int)
                    this.evidence.stream()
                        .filter(Evidence::isFinding)
                        .map(Evidence::key)
                        .distinct()
                        .count(),
                this.studies.stream()
                    .map(Study::extractionDate)
                    .filter(d -> d != null)
                    .max(String::compareTo)
                    .orElse("unknown"));
  }

  /** Studies, by id (a partial base: only those its CMOCs and theory CMOCs cite). */
  public List<Study> studies() {
    return studies;
  }

  /** The whole mechanism catalogue, by id. */
  public List<Concept> concepts() {
    return concepts;
  }

  /** Study CMOCs, by study and id (a partial base: only those of the selected sections). */
  public List<StudyCmoc> cmocs() {
    return cmocs;
  }

  /** Evidence items, by study and id (a partial base: only those of its CMOCs). */
  public List<Evidence> evidence() {
    return evidence;
  }

  public Optional<Theory> theory() {
    return theory;
  }

  /** The size of the whole store's evidence base, also for a partial base. */
  public Totals totals() {
    return totals;
  }

  /** Ids of the concepts that at least one study CMOC in the store names, sorted. */
  public Set<String> conceptsInUse() {
    return conceptsInUse;
  }

  /** False when the base was read for a selection of sections. */
  public boolean complete() {
    return complete;
  }

  /** The evidence items of one study CMOC ({@link StudyCmoc#key()}), in base order. */
  synchronized List<Evidence> evidenceOf(String cmocKey) {
    Map<String, List<Evidence>> by = evidenceByCmoc;
    if (by == null) {
      by = new HashMap<>();
      for (Evidence e : evidence) {
        by.computeIfAbsent(e.cmocKey(), k -> new ArrayList<>()).add(e);
      }
      evidenceByCmoc = by;
    }
    return by.getOrDefault(cmocKey, List.of());
  }

  /** {@code conceptId} and every concept narrower than it (skos:broader, transitively), sorted. */
  public Set<String> selfAndNarrower(String conceptId) {
    return selfAndNarrower(List.of(conceptId), concepts);
  }

  /**
   * {@code conceptIds} and every concept of {@code catalogue} narrower than one of them, sorted.
   */
  static Set<String> selfAndNarrower(
      java.util.Collection<String> conceptIds, List<Concept> catalogue) {
    Set<String> out = new TreeSet<>(conceptIds);
    boolean grew = !out.isEmpty();
    while (grew) {
      grew = false;
      for (Concept c : catalogue) {
        if (c.broader() != null && out.contains(c.broader()) && out.add(c.id())) {
          grew = true;
        }
      }
    }
    return out;
  }

  /**
   * The one counting rule (docs/summaries.md, "Which evidence belongs to a mechanism"): the
   * findings, each once, that bear on the mechanism of a study configuration whose concept is
   * {@code conceptId} or a narrower one. Which findings bear on the mechanism was decided at load
   * ({@code cmo:aboutMechanism}); the catalogue queries count the same items through {@code
   * cmo:countsForMechanism}. Each item is paired with the configuration it was read for first (by
   * study and configuration id).
   */
  public List<Evidence> countingFor(String conceptId) {
    Set<String> concepts = selfAndNarrower(conceptId);
    Map<String, Evidence> once = new java.util.TreeMap<>();
    for (StudyCmoc c : cmocs) {
      if (c.concept() != null && concepts.contains(c.concept())) {
        for (Evidence e : evidenceOf(c.key())) {
          if (e.countsForMechanism()) {
            once.merge(e.key(), e, (a, b) -> a.cmoc().compareTo(b.cmoc()) <= 0 ? a : b);
          }
        }
      }
    }
    List<Evidence> out = new ArrayList<>(once.values());
    out.sort(java.util.Comparator.comparing(Evidence::study).thenComparing(Evidence::id));
    return out;
  }

  /**
   * The mechanism concepts the summaries give a page and a matrix row: those a study configuration
   * names, every broader concept of them (their evidence rolls up), and those the programme theory
   * names; only concepts of the catalogue, sorted.
   */
  public List<String> summarisedConcepts() {
    Set<String> out = new TreeSet<>(conceptsInUse);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Concept c : concepts) {
        if (out.contains(c.id()) && c.broader() != null && out.add(c.broader())) {
          grew = true;
        }
      }
    }
    theory.ifPresent(
        t ->
            t.cmocs()
                .forEach(
                    c -> {
                      if (c.concept() != null) {
                        out.add(c.concept());
                      }
                    }));
    return out.stream().filter(id -> conceptById.containsKey(id)).toList();
  }

  /** A study and the facts a reader of a summary needs to weigh it. */
  public record Study(
      String id,
      String title,
      List<String> authors,
      String year,
      String journal,
      String doi,
      String trialRegistration,
      String design,
      List<String> countries,
      String setting,
      List<Sample> sample,
      Integer sampleTotal,
      String limitations,
      String relevance,
      String appraisalNote,
      String extractionDate,
      List<Related> related) {

    /** "Gillard S et al. (2024)", or the study id when the source names no authors. */
    public String citation() {
      if (authors.isEmpty()) {
        return id + (year == null ? "" : " (" + year + ")");
      }
      String who = authors.get(0) + (authors.size() > 1 ? " et al." : "");
      return who + (year == null ? "" : " (" + year + ")");
    }

    /** The DOI as a resolvable link, or null. */
    public String doiUrl() {
      return doi == null ? null : "https://doi.org/" + doi;
    }
  }

  /** Another study this one is a report of ("same-study") or restates ("restates"). */
  public record Related(String study, String relation) {}

  /** Whose reasoning a configuration describes, or whose outcome an outcome is. */
  public record Actor(String id, String description, String type) {
    /** "service users (service-user)", or the id when the description is missing. */
    public String label() {
      return description == null ? id : description;
    }
  }

  /** Participants of one role. */
  public record Sample(String role, Integer n) {}

  /** A concept of the mechanism catalogue. */
  public record Concept(String id, String label, String definition, String broader) {}

  /** A context of a study CMOC or a theory CMOC. */
  /** {@code concept} is the context catalogue concept, where the extraction names one. */
  public record Context(String id, String description, String type, String role, String concept) {
    public boolean blocking() {
      return "blocking".equals(role);
    }
  }

  /** An outcome, with its direction where the source gives one. */
  public record Outcome(
      String id, String description, String direction, String level, Actor actor) {}

  /**
   * A CMOC reported by one study: a configuration, or an outcome pattern ({@code kind}
   * "outcome-pattern", no mechanism). {@code actor} is whose reasoning the mechanism describes.
   */
  public record StudyCmoc(
      String study,
      String id,
      String label,
      String statement,
      String kind,
      Actor actor,
      String concept,
      String wording,
      String resource,
      String response,
      List<Context> contexts,
      List<Outcome> outcomes,
      Map<String, String> theoryLinks) {
    /** "study/cmoc", unique across studies. */
    public String key() {
      return study + "/" + id;
    }
  }

  /**
   * One evidence item, read once per CMOC it is for. {@code kind} is finding, method, background,
   * recommendation or hypothesis: only findings count. {@code countsForMechanism} says whether it
   * counts for the mechanism of {@code cmoc} (a finding that bears on the mechanism, as the load
   * decided: {@code cmo:aboutMechanism}). {@code about} holds the kinds of CMOC part it concerns.
   */
  public record Evidence(
      String study,
      String id,
      String cmoc,
      String concept,
      String kind,
      boolean countsForMechanism,
      String quote,
      String location,
      Integer page,
      String speaker,
      String perspective,
      String stance,
      String strength,
      String inference,
      String note,
      boolean verified,
      List<String> about) {
    public String cmocKey() {
      return study + "/" + cmoc;
    }

    public boolean concernsOutcome() {
      return about.contains("outcome");
    }

    /** Whether the item is a finding of its study, the only kind that counts as evidence. */
    public boolean isFinding() {
      return "finding".equals(kind);
    }

    /** "study/item": the id the JSON format and the appendix give for the item. */
    public String key() {
      return study + "/" + id;
    }
  }

  public Optional<Study> study(String id) {
    return Optional.ofNullable(studyById.get(id));
  }

  public Optional<Concept> concept(String id) {
    return Optional.ofNullable(conceptById.get(id));
  }

  /** The latest extraction date, the date the data speaks for ("data as of"). */
  public String dataAsOf() {
    return totals.dataAsOf();
  }
}
