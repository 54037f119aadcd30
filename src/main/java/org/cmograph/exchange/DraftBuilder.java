package org.cmograph.exchange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cmograph.extraction.Extraction.Actor;
import org.cmograph.extraction.Extraction.Cmoc;
import org.cmograph.extraction.Extraction.Context;
import org.cmograph.extraction.Extraction.ContextLink;
import org.cmograph.extraction.Extraction.EvidenceItem;
import org.cmograph.extraction.Extraction.Outcome;
import org.cmograph.extraction.Extraction.Part;

/**
 * The one way an importer makes a {@link StudyDraft}: it maps its rows, codes or cells onto typed
 * parts and hands them here, and the builder keeps the draft's rules. Actors, contexts and outcomes
 * share one id space, and a part named again must say the same (a conflict is returned for the
 * importer to report where its input says it); ids it makes never collide with ids the input gives;
 * one passage is one evidence item, joined by further CMOCs it bears on; lines a reviewer must
 * check are marked on the part they concern. {@link #build} checks that every reference resolves,
 * so an importer that maps its input wrongly fails here, not in the researcher's file.
 *
 * <pre>
 * DraftBuilder b = new DraftBuilder("smith-2023", Path.of("cmocs.csv"));
 * b.part(new Context(null, "rural-areas", "Rural areas", null, null));
 * b.cmoc(new Cmoc(null, "c1", ...));
 * StudyDraft d = b.build();
 * </pre>
 */
final class DraftBuilder {
  private final String studyId;
  private final Path origin;
  private String title;
  private String source;
  private final Map<String, Part> parts = new LinkedHashMap<>();
  private final Set<String> reservedPartIds = new HashSet<>();
  private final List<Cmoc> cmocs = new ArrayList<>();
  private final Set<String> cmocIds = new HashSet<>();
  private final Map<String, EvidenceItem> evidence = new LinkedHashMap<>();
  private final Set<String> evidenceIds = new HashSet<>();
  private int madeEvidenceIds;
  private final Map<String, String> actorTypeChecks = new LinkedHashMap<>();
  private final Map<String, String> conceptChecks = new LinkedHashMap<>();

  DraftBuilder(String studyId, Path origin) {
    this.studyId = studyId;
    this.origin = origin;
  }

  String studyId() {
    return studyId;
  }

  DraftBuilder title(String title) {
    this.title = title;
    return this;
  }

  DraftBuilder source(String source) {
    this.source = source;
    return this;
  }

  /** An id the input gives a part, taken before any is made up so none collides with it. */
  void reservePartId(String id) {
    reservedPartIds.add(id);
  }

  /**
   * A new id for a part of {@code kind} with this description: its first words, or the kind when
   * they are empty or a reserved word of 'about', made unique among the parts' ids.
   */
  String newPartId(String kind, String description) {
    String base = Slugs.brief(description, 4);
    Set<String> used = new HashSet<>(parts.keySet());
    used.addAll(reservedPartIds);
    return Drafts.unique(base.isEmpty() || Drafts.RESERVED.contains(base) ? kind : base, used);
  }

  Optional<Part> part(String id) {
    return Optional.ofNullable(parts.get(id));
  }

  /** The ids of the parts of {@code kind}, in the order they were added. */
  List<String> partIds(String kind) {
    return parts.values().stream().filter(p -> p.kind().equals(kind)).map(Part::id).toList();
  }

  /** The part of {@code kind} with this description, if one was added. */
  Optional<Part> partDescribed(String kind, String description) {
    return parts.values().stream()
        .filter(p -> p.kind().equals(kind) && description.equals(p.description()))
        .findFirst();
  }

  /** What adding a part found: the part of another kind that has its id, or differing values. */
  record Added(Part otherKind, List<Conflict> conflicts) {
    boolean ok() {
      return otherKind == null && conflicts.isEmpty();
    }
  }

  /** A value the part had ({@code was}) and a second mention gave otherwise ({@code now}). */
  record Conflict(String field, Object was, Object now) {}

  /**
   * Adds a study part, or merges it into the part of its id: values it lacked are taken, values it
   * had must be the same. A part of another kind with the id is left as it was.
   */
  Added part(Part p) {
    require(p.id() != null, "%s without id", p.kind());
    Part had = parts.get(p.id());
    if (had == null) {
      parts.put(p.id(), p);
      return new Added(null, List.of());
    }
    if (!had.kind().equals(p.kind())) {
      return new Added(had, List.of());
    }
    List<Conflict> conflicts = new ArrayList<>();
    Map<String, Object> merged = new LinkedHashMap<>(StudyDraft.fields(had));
    for (Map.Entry<String, Object> e : StudyDraft.fields(p).entrySet()) {
      Object before = merged.putIfAbsent(e.getKey(), e.getValue());
      if (before != null && !before.equals(e.getValue())) {
        conflicts.add(new Conflict(e.getKey(), before, e.getValue()));
      }
    }
    parts.put(p.id(), rebuilt(had, merged));
    return new Added(null, conflicts);
  }

  private static Part rebuilt(Part kind, Map<String, Object> f) {
    String id = (String) f.get("id");
    String description = (String) f.get("description");
    if (kind instanceof Actor) {
      return new Actor(null, id, description, (String) f.get("type"));
    }
    if (kind instanceof Context) {
      return new Context(null, id, description, (String) f.get("type"), (String) f.get("concept"));
    }
    return new Outcome(
        null,
        id,
        description,
        (String) f.get("direction"),
        (String) f.get("level"),
        (Boolean) f.get("intended"),
        (String) f.get("for"),
        (String) f.get("concept"));
  }

  /** A CMOC id the input gives; false when another CMOC of the study has it. */
  boolean takeCmocId(String id) {
    return cmocIds.add(id);
  }

  /** A new CMOC id from {@code base}, unique in the study. */
  String newCmocId(String base) {
    return Drafts.unique(base, cmocIds);
  }

  /** Adds a CMOC; its id must have been taken or made here. */
  void cmoc(Cmoc c) {
    require(c.id() != null, "CMOC without id");
    // Immutable copies without nulls, as the draft's own records made before they were
    // extraction's (a null element is an importer bug, caught here).
    cmocs.add(
        new Cmoc(
            c.pointer(),
            c.id(),
            c.label(),
            c.statement(),
            c.kind(),
            c.strategy(),
            c.actor(),
            List.copyOf(c.contexts()),
            c.mechanism(),
            List.copyOf(c.outcomes()),
            List.copyOf(c.leadsTo()),
            List.copyOf(c.theoryLinks())));
  }

  int cmocCount() {
    return cmocs.size();
  }

  /** An evidence id the input gives, taken before any is made up. */
  void reserveEvidenceId(String id) {
    evidenceIds.add(id);
  }

  /** The next free made-up evidence id: e1, e2, ... */
  String newEvidenceId() {
    String id;
    do {
      id = "e" + (++madeEvidenceIds);
    } while (evidenceIds.contains(id));
    evidenceIds.add(id);
    return id;
  }

  Optional<EvidenceItem> evidence(String id) {
    return Optional.ofNullable(evidence.get(id));
  }

  /** Adds an evidence item; its id must be new (see {@link #join}). */
  void evidence(EvidenceItem e) {
    if (evidence.putIfAbsent(e.id(), e) != null) {
      throw new IllegalStateException("evidence '" + e.id() + "' is already drafted");
    }
  }

  /** The passage {@code id} bears also on {@code cmoc}, and is also about {@code about}. */
  void join(String id, String cmoc, List<String> about) {
    evidence.put(id, DraftEvidence.joining(evidence.get(id), cmoc, about));
  }

  int evidenceCount() {
    return evidence.size();
  }

  /** Marks the type of actor {@code id} for the reviewer to check, saying why. */
  void checkActorType(String id, String why) {
    actorTypeChecks.put(id, why);
  }

  /** Marks the mechanism concept of CMOC {@code id} for the reviewer to check, saying why. */
  void checkConcept(String cmocId, String why) {
    conceptChecks.put(cmocId, why);
  }

  /**
   * The draft. Call it only when the importer reported no error: every reference must then resolve,
   * or the importer mapped its input wrongly.
   */
  StudyDraft build() {
    List<Actor> actors = partsOf(Actor.class);
    List<Context> contexts = partsOf(Context.class);
    List<Outcome> outcomes = partsOf(Outcome.class);
    Set<String> cmocSet = new HashSet<>();
    for (Cmoc c : cmocs) {
      require(cmocSet.add(c.id()), "CMOC id '%s' twice", c.id());
      require(c.actor() == null || parts.get(c.actor()) instanceof Actor, "actor %s", c.actor());
      for (ContextLink link : c.contexts()) {
        String x = link.context();
        require(parts.get(x) instanceof Context, "context '%s' of CMOC '%s'", x, c.id());
      }
      for (String x : c.outcomes()) {
        require(parts.get(x) instanceof Outcome, "outcome '%s' of CMOC '%s'", x, c.id());
      }
      require(
          (c.mechanism() == null) == !c.isConfiguration(),
          "CMOC '%s' of kind %s with mechanism %s",
          c.id(),
          c.kind(),
          c.mechanism());
      require(
          c.mechanism() == null || c.mechanism().concept() != null,
          "no concept in CMOC '%s'",
          c.id());
    }
    for (Outcome o : outcomes) {
      require(o.actor() == null || parts.get(o.actor()) instanceof Actor, "for %s", o);
    }
    for (EvidenceItem e : evidence.values()) {
      require(!e.cmocs().isEmpty() && cmocSet.containsAll(e.cmocs()), "cmocs of %s", e.id());
      require(e.kind() != null && e.quote() != null && e.location() != null, "%s", e);
    }
    Map<String, String> comments = new LinkedHashMap<>();
    actorTypeChecks.forEach(
        (id, why) -> comments.put("/actors/" + indexOf(actors, id) + "/type", why));
    conceptChecks.forEach(
        (id, why) -> {
          int i = indexOf(cmocs, id);
          require(cmocs.get(i).mechanism() != null, "a concept CHECK on CMOC '%s' without one", id);
          comments.put("/cmocs/" + i + "/mechanism/concept", why);
        });
    return new StudyDraft(
        studyId,
        title,
        source,
        actors,
        contexts,
        outcomes,
        cmocs,
        List.copyOf(evidence.values()),
        comments,
        origin);
  }

  private <T extends Part> List<T> partsOf(Class<T> kind) {
    return parts.values().stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  private static int indexOf(List<?> parts, String id) {
    for (int i = 0; i < parts.size(); i++) {
      Object p = parts.get(i);
      String pid = p instanceof Part x ? x.id() : ((Cmoc) p).id();
      if (pid.equals(id)) {
        return i;
      }
    }
    throw new IllegalStateException("a CHECK mark names '" + id + "', which the draft lacks");
  }

  private void require(boolean holds, String what, Object... args) {
    if (!holds) {
      throw new IllegalStateException(
          "the draft of study '"
              + studyId
              + "' is inconsistent (an importer bug): "
              + String.format(java.util.Locale.ROOT, what, args));
    }
  }
}
