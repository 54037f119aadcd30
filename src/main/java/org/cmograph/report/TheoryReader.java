package org.cmograph.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;
import org.cmograph.rdf.Vocab;

/**
 * Reads the programme theory from the theory graph into {@link EvidenceBase.Theory}: its versions,
 * every configuration with its history, rivals, the theories it draws on and the review team's
 * assessment, and which configurations make up the current version. The queries are the {@code
 * theory*.rq} resources beside this class.
 */
final class TheoryReader {
  private final BiConsumer<Query, Consumer<QuerySolution>> select;

  TheoryReader(BiConsumer<Query, Consumer<QuerySolution>> select) {
    this.select = select;
  }

  private void select(String query, Consumer<QuerySolution> row) {
    select.accept(EvidenceQueries.query(query), row);
  }

  Optional<EvidenceBase.Theory> read() {
    List<QuerySolution> rows = new ArrayList<>();
    select("theory", rows::add);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    QuerySolution t = rows.get(0);
    Map<String, List<String>> authors = new TreeMap<>();
    select(
        "theory-version-authors",
        r -> authors.computeIfAbsent(s(r, "version"), k -> new ArrayList<>()).add(s(r, "author")));
    List<EvidenceBase.Version> versions = new ArrayList<>();
    select(
        "theory-versions",
        r ->
            versions.add(
                new EvidenceBase.Version(
                    s(r, "id"),
                    Integer.parseInt(s(r, "index")),
                    s(r, "date"),
                    List.copyOf(authors.getOrDefault(s(r, "id"), List.of())),
                    s(r, "description"))));
    Map<String, List<EvidenceBase.Context>> contexts = new TreeMap<>();
    Map<String, Map<String, String>> concepts = new TreeMap<>();
    select(
        "theory-contexts",
        r -> {
          contexts
              .computeIfAbsent(s(r, "cmoc"), k -> new ArrayList<>())
              .add(
                  new EvidenceBase.Context(
                      s(r, "id"),
                      s(r, "description"),
                      s(r, "type"),
                      s(r, "role"),
                      s(r, "concept")));
          if (s(r, "concept") != null) {
            concepts
                .computeIfAbsent(s(r, "cmoc"), k -> new TreeMap<>())
                .put(s(r, "id"), s(r, "concept"));
          }
        });
    Map<String, List<EvidenceBase.Outcome>> outcomes = new TreeMap<>();
    select(
        "theory-outcomes",
        r -> {
          outcomes
              .computeIfAbsent(s(r, "cmoc"), k -> new ArrayList<>())
              .add(
                  new EvidenceBase.Outcome(
                      s(r, "id"), s(r, "description"), null, s(r, "level"), null));
          if (s(r, "concept") != null) {
            concepts
                .computeIfAbsent(s(r, "cmoc"), k -> new TreeMap<>())
                .put(s(r, "id"), s(r, "concept"));
          }
        });
    Map<String, List<EvidenceBase.Change>> history = history();
    Map<String, List<String>> rivals = new TreeMap<>();
    select(
        "theory-rivals",
        r -> rivals.computeIfAbsent(s(r, "cmoc"), k -> new ArrayList<>()).add(s(r, "rival")));
    Map<String, List<EvidenceBase.TheorySource>> drawsOn = new TreeMap<>();
    select(
        "theory-draws-on",
        r ->
            drawsOn
                .computeIfAbsent(s(r, "cmoc"), k -> new ArrayList<>())
                .add(
                    new EvidenceBase.TheorySource(
                        s(r, "theory"), s(r, "citation"), s(r, "doi"), s(r, "namedIn"))));
    Map<String, EvidenceBase.TheoryCmoc> cmocs = new LinkedHashMap<>();
    select(
        "theory-cmocs",
        r -> {
          String id = s(r, "id");
          List<EvidenceBase.Change> events = history.getOrDefault(id, List.of());
          TreeSet<String> studies = new TreeSet<>();
          events.forEach(e -> e.promptedBy().forEach(p -> studies.add(p.study())));
          // The studies naming the theories it draws on are cited too (a section read alone needs
          // them).
          drawsOn.getOrDefault(id, List.of()).stream()
              .map(EvidenceBase.TheorySource::namedIn)
              .filter(java.util.Objects::nonNull)
              .forEach(studies::add);
          cmocs.putIfAbsent(
              id,
              new EvidenceBase.TheoryCmoc(
                  id,
                  s(r, "label"),
                  s(r, "statement"),
                  events.isEmpty() ? null : events.get(0).version(),
                  s(r, "note"),
                  List.copyOf(studies),
                  List.copyOf(contexts.getOrDefault(id, List.of())),
                  s(r, "concept"),
                  s(r, "resource"),
                  s(r, "response"),
                  List.copyOf(outcomes.getOrDefault(id, List.of())),
                  assessment(r),
                  s(r, "actor"),
                  Map.copyOf(concepts.getOrDefault(id, Map.of())),
                  List.copyOf(events),
                  List.copyOf(rivals.getOrDefault(id, List.of())),
                  List.copyOf(drawsOn.getOrDefault(id, List.of()))));
        });
    Map<String, Integer> index = new TreeMap<>();
    versions.forEach(v -> index.put(v.id(), v.index()));
    List<EvidenceBase.TheoryCmoc> all = new ArrayList<>(cmocs.values());
    // Oldest version first, then by id within a version.
    all.sort(
        Comparator.comparing(
                (EvidenceBase.TheoryCmoc c) -> index.getOrDefault(c.version(), Integer.MAX_VALUE))
            .thenComparing(EvidenceBase.TheoryCmoc::id));
    String current = s(t, "version");
    EvidenceBase.Version latest = versions.isEmpty() ? null : versions.get(versions.size() - 1);
    EvidenceBase.Theory draft =
        new EvidenceBase.Theory(
            s(t, "id"),
            s(t, "title"),
            s(t, "description"),
            current,
            s(t, "date"),
            latest == null ? List.of() : latest.authors(),
            latest == null ? null : latest.description(),
            List.of(),
            List.copyOf(versions),
            List.copyOf(all));
    return Optional.of(
        new EvidenceBase.Theory(
            draft.id(),
            draft.title(),
            draft.description(),
            draft.version(),
            draft.date(),
            draft.authors(),
            draft.note(),
            draft.in(current),
            draft.versions(),
            draft.all()));
  }

  /** Each theory CMOC's history events, in order, with what they revise and what prompted them. */
  private Map<String, List<EvidenceBase.Change>> history() {
    Map<String, List<String>> revises = new TreeMap<>();
    Map<String, List<EvidenceBase.Prompt>> prompts = new TreeMap<>();
    select(
        "theory-change-links",
        r -> {
          String key = s(r, "cmoc") + "#" + s(r, "n");
          String target = s(r, "target");
          if ("revises".equals(s(r, "link"))) {
            revises
                .computeIfAbsent(key, k -> new ArrayList<>())
                .add(EvidenceQueries.strafter(target, "/id/theory/"));
          } else {
            prompts.computeIfAbsent(key, k -> new ArrayList<>()).add(prompt(target));
          }
        });
    Map<String, List<EvidenceBase.Change>> out = new TreeMap<>();
    select(
        "theory-history",
        r -> {
          String key = s(r, "cmoc") + "#" + s(r, "n");
          out.computeIfAbsent(s(r, "cmoc"), k -> new ArrayList<>())
              .add(
                  new EvidenceBase.Change(
                      s(r, "version"),
                      s(r, "change"),
                      List.copyOf(revises.getOrDefault(key, List.of())),
                      List.copyOf(prompts.getOrDefault(key, List.of())),
                      s(r, "rationale")));
        });
    return out;
  }

  /** An evidence item's or a study CMOC's IRI ({@code id/STUDY/evidence/ID}) as a prompt. */
  static EvidenceBase.Prompt prompt(String iri) {
    String path = EvidenceQueries.strafter(iri, Vocab.ID);
    String[] parts = path.split("/");
    if (parts.length == 3 && parts[1].equals("evidence")) {
      return new EvidenceBase.Prompt(parts[0], parts[2], null);
    }
    if (parts.length == 3 && parts[1].equals("cmoc")) {
      return new EvidenceBase.Prompt(parts[0], null, parts[2]);
    }
    return new EvidenceBase.Prompt(path, null, null);
  }

  private static Optional<EvidenceBase.Assessment> assessment(QuerySolution r) {
    return s(r, "overall") == null
        ? Optional.empty()
        : Optional.of(
            new EvidenceBase.Assessment(
                new EvidenceBase.Judgement(s(r, "limitations"), s(r, "limitationsWhy")),
                new EvidenceBase.Judgement(s(r, "coherence"), s(r, "coherenceWhy")),
                new EvidenceBase.Judgement(s(r, "adequacy"), s(r, "adequacyWhy")),
                new EvidenceBase.Judgement(s(r, "relevance"), s(r, "relevanceWhy")),
                s(r, "overall"),
                s(r, "explanation")));
  }

  private static String s(QuerySolution r, String var) {
    RDFNode n = r.get(var);
    if (n == null) {
      return null;
    }
    return n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString();
  }
}
