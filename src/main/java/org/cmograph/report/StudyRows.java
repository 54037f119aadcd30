package org.cmograph.report;

import static org.cmograph.report.EvidenceQueries.i;
import static org.cmograph.report.EvidenceQueries.query;
import static org.cmograph.report.EvidenceQueries.restricted;
import static org.cmograph.report.EvidenceQueries.s;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;

/**
 * The studies, CMOCs and evidence {@link EvidenceReader} has read so far, in the order of the
 * queries' ORDER BY (study identifier first), and the reading of them from the current source of
 * the {@link EvidenceQueries} each read is given (the store's union graph, or one batch of its
 * studies after another).
 */
final class StudyRows {
  private final Map<String, EvidenceBase.Study> studies = new LinkedHashMap<>();
  private final Map<String, EvidenceBase.StudyCmoc> cmocs = new LinkedHashMap<>();
  private final Map<String, EvidenceBase.Evidence> evidence = new LinkedHashMap<>();

  EvidenceBase base(List<EvidenceBase.Concept> concepts, Optional<EvidenceBase.Theory> theory) {
    return new EvidenceBase(
        List.copyOf(studies.values()),
        List.copyOf(concepts),
        List.copyOf(cmocs.values()),
        List.copyOf(evidence.values()),
        theory);
  }

  /**
   * Adds the studies, CMOCs and evidence the source of {@code queries} holds: all of them when
   * {@code studyIds} is null, otherwise only those studies and those CMOC nodes (and their
   * evidence). Everything a row is keyed by lies in one study's graphs, so reading the studies in
   * batches (in identifier order) adds the same rows in the same order as one read of them all.
   */
  void read(EvidenceQueries queries, List<Node> studyIds, Set<Node> cmocNodes) {
    boolean partial = studyIds != null;
    Function<String, Query> studyQuery =
        name -> partial ? restricted(name, "id", studyIds) : query(name);
    Function<String, Query> cmocQuery =
        name -> partial ? restricted(name, "c", cmocNodes) : query(name);
    Map<String, List<String>> countries = new TreeMap<>();
    queries.select(
        studyQuery.apply("countries"),
        r -> countries.computeIfAbsent(s(r, "id"), k -> new ArrayList<>()).add(s(r, "country")));
    Map<String, List<EvidenceBase.Sample>> samples = new TreeMap<>();
    queries.select(
        studyQuery.apply("samples"),
        r ->
            samples
                .computeIfAbsent(s(r, "id"), k -> new ArrayList<>())
                .add(new EvidenceBase.Sample(s(r, "role"), i(r, "n"))));
    Map<String, List<EvidenceBase.Related>> related = new TreeMap<>();
    queries.select(
        studyQuery.apply("related"),
        r ->
            related
                .computeIfAbsent(s(r, "id"), k -> new ArrayList<>())
                .add(new EvidenceBase.Related(s(r, "related"), s(r, "relation"))));
    queries.select(
        studyQuery.apply("studies"),
        r -> {
          String id = s(r, "id");
          String authors = s(r, "authors");
          studies.putIfAbsent(
              id,
              new EvidenceBase.Study(
                  id,
                  s(r, "title"),
                  authors == null ? List.of() : List.of(authors.split("; ")),
                  s(r, "year"),
                  s(r, "journal"),
                  s(r, "doi"),
                  s(r, "trial"),
                  s(r, "design"),
                  List.copyOf(countries.getOrDefault(id, List.of())),
                  s(r, "setting"),
                  List.copyOf(samples.getOrDefault(id, List.of())),
                  i(r, "sampleTotal"),
                  s(r, "limitations"),
                  s(r, "relevance"),
                  s(r, "appraisalNote"),
                  s(r, "date"),
                  List.copyOf(related.getOrDefault(id, List.of()))));
        });

    Map<String, List<EvidenceBase.Context>> contexts = new TreeMap<>();
    queries.select(
        cmocQuery.apply("contexts"),
        r ->
            contexts
                .computeIfAbsent(s(r, "study") + "/" + s(r, "cmoc"), k -> new ArrayList<>())
                .add(context(r)));
    Map<String, List<EvidenceBase.Outcome>> outcomes = new TreeMap<>();
    queries.select(
        cmocQuery.apply("outcomes"),
        r ->
            outcomes
                .computeIfAbsent(s(r, "study") + "/" + s(r, "cmoc"), k -> new ArrayList<>())
                .add(
                    new EvidenceBase.Outcome(
                        s(r, "id"),
                        s(r, "description"),
                        s(r, "direction"),
                        s(r, "level"),
                        actor(r))));
    Map<String, Map<String, String>> links = new TreeMap<>();
    queries.select(
        cmocQuery.apply("theory-links"),
        r ->
            links
                .computeIfAbsent(s(r, "study") + "/" + s(r, "cmoc"), k -> new TreeMap<>())
                .put(s(r, "theory"), s(r, "stance")));
    queries.select(
        partial ? restricted("cmocs", "cmoc", cmocNodes) : query("cmocs"),
        r -> {
          String key = s(r, "study") + "/" + s(r, "id");
          cmocs.putIfAbsent(
              key,
              new EvidenceBase.StudyCmoc(
                  s(r, "study"),
                  s(r, "id"),
                  s(r, "label"),
                  s(r, "statement"),
                  s(r, "kind"),
                  actor(r),
                  s(r, "concept"),
                  s(r, "wording"),
                  s(r, "resource"),
                  s(r, "response"),
                  List.copyOf(contexts.getOrDefault(key, List.of())),
                  List.copyOf(outcomes.getOrDefault(key, List.of())),
                  Map.copyOf(links.getOrDefault(key, Map.of()))));
        });

    // Evidence of these CMOCs, and (for a partial read) the items' nodes, to read their parts.
    List<QuerySolution> evidenceRows = new ArrayList<>();
    Set<Node> items = new LinkedHashSet<>();
    Query evidenceQuery = cmocQuery.apply("evidence");
    if (partial) {
      evidenceQuery.addResultVar("e");
    }
    queries.select(
        evidenceQuery,
        r -> {
          evidenceRows.add(r);
          if (partial) {
            items.add(r.get("e").asNode());
          }
        });
    Map<String, List<String>> parts = new TreeMap<>();
    queries.select(
        partial ? restricted("evidence-parts", "e", items) : query("evidence-parts"),
        r ->
            parts
                .computeIfAbsent(s(r, "study") + "/" + s(r, "id"), k -> new ArrayList<>())
                .add(s(r, "kind")));
    evidenceRows.forEach(
        r -> {
          String key = s(r, "study") + "/" + s(r, "id");
          // One row per CMOC an item bears on: a passage for several configurations is read for
          // each of them (and counted once in the totals).
          evidence.putIfAbsent(
              key + "/" + s(r, "cmoc"),
              new EvidenceBase.Evidence(
                  s(r, "study"),
                  s(r, "id"),
                  s(r, "cmoc"),
                  s(r, "concept"),
                  s(r, "kind"),
                  "true".equals(s(r, "counts")),
                  s(r, "quote"),
                  s(r, "location"),
                  i(r, "page"),
                  s(r, "speaker"),
                  s(r, "perspective"),
                  s(r, "stance"),
                  s(r, "strength"),
                  s(r, "inference"),
                  s(r, "note"),
                  "true".equals(s(r, "verified")),
                  List.copyOf(parts.getOrDefault(key, List.of()))));
        });
  }

  /** The actor of a row (?actor, ?actorLabel, ?actorType), or null. */
  private static EvidenceBase.Actor actor(QuerySolution r) {
    String id = s(r, "actor");
    return id == null ? null : new EvidenceBase.Actor(id, s(r, "actorLabel"), s(r, "actorType"));
  }

  private static EvidenceBase.Context context(QuerySolution r) {
    return new EvidenceBase.Context(
        s(r, "id"), s(r, "description"), s(r, "type"), s(r, "role"), s(r, "concept"));
  }
}
