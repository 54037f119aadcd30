package org.cmograph.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.cmograph.extraction.SheetLayout;
import org.cmograph.extraction.SheetLayout.Column;
import org.cmograph.rdf.ContextLinks;
import org.cmograph.rdf.Iris;
import org.cmograph.rdf.Vocab;
import org.cmograph.util.Csv;

/**
 * Writes the studies' CMOCs as the one-row-per-CMOC spreadsheet that {@code cmograph import} reads
 * ({@link SheetLayout}): one row per evidence item (a CMOC without evidence gets a row of its own),
 * every column of the layout, studies, CMOCs and evidence in id order. What an extraction file says
 * about its CMOCs and evidence survives the trip CSV and back; the study's bibliographic facts do
 * not (import keeps them from the existing file). The file starts with a byte-order mark so
 * spreadsheet programs read it as UTF-8.
 */
public final class CmocTableWriter {
  private final DatasetGraph dataset;

  /**
   * @param dataset read inside the caller's read transaction
   */
  public CmocTableWriter(DatasetGraph dataset) {
    this.dataset = dataset;
  }

  public void write(OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write('\uFEFF');
    try (CSVPrinter printer = Csv.printer(w)) {
      List<String> header = new ArrayList<>();
      for (Column c : Column.values()) {
        header.add(c.header());
      }
      printer.printRecord(header);
      List<String> studies = new ArrayList<>();
      dataset
          .listGraphNodes()
          .forEachRemaining(
              g -> {
                String id = Iris.studyOfGraph(g);
                if (id != null) {
                  studies.add(id);
                }
              });
      studies.sort(null);
      for (String study : studies) {
        for (Map<Column, String> row : rows(study, dataset.getGraph(Iris.studyGraph(study)))) {
          List<String> cells = new ArrayList<>();
          for (Column c : Column.values()) {
            cells.add(row.getOrDefault(c, ""));
          }
          printer.printRecord(cells);
        }
      }
      printer.flush();
    }
  }

  /** The rows of one study graph. */
  static List<Map<Column, String>> rows(String studyId, Graph g) {
    Node study = new Iris().study(studyId);
    Map<Column, String> studyCells = new EnumMap<>(Column.class);
    studyCells.put(Column.STUDY, studyId);
    put(studyCells, Column.TITLE, literal(g, study, Vocab.label));
    Node source = object(g, study, Vocab.hasSourceText);
    if (source != null) {
      put(studyCells, Column.SOURCE, literal(g, source, Vocab.atLocation));
    }
    List<Map<Column, String>> rows = new ArrayList<>();
    for (Node cmoc : byId(g, objects(g, study, Vocab.reportsCMOC))) {
      Map<Column, String> cmocCells = new EnumMap<>(studyCells);
      cmocCells.put(Column.CMOC, literal(g, cmoc, Vocab.identifier));
      put(cmocCells, Column.CMOC_LABEL, literal(g, cmoc, Vocab.label));
      put(cmocCells, Column.STATEMENT, literal(g, cmoc, Vocab.statement));
      put(cmocCells, Column.CMOC_KIND, value(g, cmoc, Vocab.configurationKind, "cmoc-kind"));
      put(cmocCells, Column.STRATEGY, literal(g, cmoc, Vocab.strategy));
      Node actor = object(g, cmoc, Vocab.mechanismActor);
      if (actor != null) {
        put(cmocCells, Column.ACTOR, actorCell(g, actor));
      }
      List<Node> contexts = byId(g, objects(g, cmoc, Vocab.hasContext));
      lines(cmocCells, Column.CONTEXT_ID, contexts, n -> literal(g, n, Vocab.identifier));
      lines(cmocCells, Column.CONTEXT, contexts, n -> literal(g, n, Vocab.label));
      lines(
          cmocCells,
          Column.CONTEXT_TYPE,
          contexts,
          n -> value(g, n, Vocab.contextType, "context-type"));
      lines(
          cmocCells,
          Column.CONTEXT_CONCEPT,
          contexts,
          n -> concept(g, n, Vocab.contextConcept, Vocab.CONTEXT_CONCEPT));
      lines(
          cmocCells,
          Column.CONTEXT_ROLE,
          contexts,
          n -> valueName(ContextLinks.roleOf(g, cmoc, n), "context-role"));
      Node mechanism = object(g, cmoc, Vocab.hasMechanism);
      Node resource = null;
      Node response = null;
      if (mechanism != null) {
        Node concept = object(g, mechanism, Vocab.instanceOfConcept);
        if (concept != null && concept.isURI() && concept.getURI().startsWith(Vocab.MECHANISM)) {
          cmocCells.put(
              Column.MECHANISM_CONCEPT, concept.getURI().substring(Vocab.MECHANISM.length()));
        }
        put(cmocCells, Column.MECHANISM_WORDING, literal(g, mechanism, Vocab.studyWording));
        resource = object(g, mechanism, Vocab.hasResource);
        response = object(g, mechanism, Vocab.hasResponse);
        if (resource != null) {
          put(cmocCells, Column.MECHANISM_RESOURCE, literal(g, resource, Vocab.label));
        }
        if (response != null) {
          put(cmocCells, Column.MECHANISM_REASONING, literal(g, response, Vocab.label));
        }
      }
      List<Node> outcomes = byId(g, objects(g, cmoc, Vocab.hasOutcome));
      lines(cmocCells, Column.OUTCOME_ID, outcomes, n -> literal(g, n, Vocab.identifier));
      lines(cmocCells, Column.OUTCOME, outcomes, n -> literal(g, n, Vocab.label));
      lines(
          cmocCells,
          Column.OUTCOME_DIRECTION,
          outcomes,
          n -> value(g, n, Vocab.direction, "direction"));
      lines(
          cmocCells, Column.OUTCOME_LEVEL, outcomes, n -> value(g, n, Vocab.outcomeLevel, "level"));
      lines(cmocCells, Column.OUTCOME_INTENDED, outcomes, n -> literal(g, n, Vocab.intended));
      lines(
          cmocCells,
          Column.OUTCOME_FOR,
          outcomes,
          n -> {
            Node whose = object(g, n, Vocab.outcomeFor);
            return whose == null ? null : actorCell(g, whose);
          });
      lines(
          cmocCells,
          Column.OUTCOME_CONCEPT,
          outcomes,
          n -> concept(g, n, Vocab.outcomeConcept, Vocab.OUTCOME_CONCEPT));
      lines(
          cmocCells,
          Column.LEADS_TO,
          byId(g, objects(g, cmoc, Vocab.leadsTo)),
          n -> literal(g, n, Vocab.identifier));
      List<String> links = new ArrayList<>();
      for (var p :
          List.of(
              Map.entry("supports", Vocab.supportsTheory),
              Map.entry("refutes", Vocab.refutesTheory),
              Map.entry("refines", Vocab.refinesTheory))) {
        for (Node t : objects(g, cmoc, p.getValue())) {
          String prefix = Vocab.ID + "theory/";
          if (t.isURI() && t.getURI().startsWith(prefix)) {
            // "supports tc1: rationale", the rationale from the qualified link where there is one
            String rationale = null;
            for (Node link : objects(g, cmoc, Vocab.hasTheoryLink)) {
              if (t.equals(object(g, link, Vocab.linkedTheoryCMOC))) {
                rationale = literal(g, link, Vocab.rationale);
              }
            }
            links.add(
                p.getKey()
                    + " "
                    + t.getURI().substring(prefix.length())
                    + (rationale == null ? "" : ": " + rationale.replace('\n', ' ')));
          }
        }
      }
      links.sort(
          Comparator.comparing((String l) -> l.substring(l.indexOf(' ') + 1))
              .thenComparing(l -> l));
      put(cmocCells, Column.THEORY_LINKS, String.join("\n", links));

      List<Node> evidence = byId(g, subjects(g, Vocab.evidenceFor, cmoc));
      if (evidence.isEmpty()) {
        rows.add(cmocCells);
      }
      for (Node item : evidence) {
        Map<Column, String> row = new EnumMap<>(cmocCells);
        row.put(Column.EVIDENCE_ID, literal(g, item, Vocab.identifier));
        put(row, Column.ABOUT, about(g, item));
        put(row, Column.EVIDENCE_KIND, value(g, item, Vocab.evidenceKind, "evidence-kind"));
        put(row, Column.QUOTE, literal(g, item, Vocab.quote));
        put(row, Column.LOCATION, literal(g, item, Vocab.location));
        put(row, Column.PAGE_NUMBER, literal(g, item, Vocab.page));
        put(row, Column.SPEAKER, value(g, item, Vocab.speaker, "speaker"));
        String perspective = value(g, item, Vocab.perspective, "perspective");
        // Derived for authors' and extractors' statements; not a value a file can state.
        if (!"author-interpretation".equals(perspective)) {
          put(row, Column.PERSPECTIVE, perspective);
        }
        put(row, Column.STANCE, value(g, item, Vocab.stance, "stance"));
        put(row, Column.STRENGTH, value(g, item, Vocab.strength, "strength"));
        put(row, Column.INFERENCE, literal(g, item, Vocab.inference));
        put(row, Column.NOTE, literal(g, item, Vocab.note));
        rows.add(row);
      }
    }
    return rows;
  }

  /**
   * An evidence item's 'about', the same on the row of each CMOC it bears on (the file's 'about' is
   * the item's, read for each of its CMOCs). A part of the mechanism that a CMOC does not report
   * stands for its mechanism, so a mechanism node another word already accounts for is not written
   * as 'mechanism' (which would add the other CMOCs' mechanisms).
   */
  static String about(Graph g, Node item) {
    java.util.TreeSet<String> about = new java.util.TreeSet<>();
    List<Node> mechanisms = new ArrayList<>();
    for (Node part : objects(g, item, Vocab.concerns)) {
      if (g.contains(part, Vocab.type, Vocab.MechanismResource)) {
        about.add("resource");
      } else if (g.contains(part, Vocab.type, Vocab.MechanismResponse)) {
        about.add("reasoning");
      } else if (g.contains(part, Vocab.type, Vocab.Mechanism)) {
        mechanisms.add(part);
      } else {
        String id = literal(g, part, Vocab.identifier);
        // A study context or outcome that no CMOC links (a setting) has no row to stand in.
        boolean linked =
            g.contains(Node.ANY, Vocab.hasContext, part)
                || g.contains(Node.ANY, Vocab.hasOutcome, part);
        if (id != null && linked) {
          about.add(id);
        }
      }
    }
    for (Node m : mechanisms) {
      boolean explained =
          (about.contains("resource") && object(g, m, Vocab.hasResource) == null)
              || (about.contains("reasoning") && object(g, m, Vocab.hasResponse) == null);
      if (!explained) {
        about.add("mechanism");
      }
    }
    for (Node link : objects(g, item, Vocab.aboutLink)) {
      String name = valueName(link, "causal-link");
      if (name != null) {
        about.add(name);
      }
    }
    return about.isEmpty() ? null : String.join(", ", about);
  }

  /** An actor as "id (type)": the id joins a base file's actor, the type names a new one's. */
  private static String actorCell(Graph g, Node actor) {
    String id = literal(g, actor, Vocab.identifier);
    if (id == null) {
      return literal(g, actor, Vocab.label);
    }
    String type = value(g, actor, Vocab.actorType, "actor-type");
    return type == null ? id : id + " (" + type + ")";
  }

  /** A catalogue concept's id, e.g. context:rurality → rurality. */
  private static String concept(Graph g, Node part, Node property, String namespace) {
    Node c = object(g, part, property);
    return c != null && c.isURI() && c.getURI().startsWith(namespace)
        ? c.getURI().substring(namespace.length())
        : null;
  }

  private static void put(Map<Column, String> row, Column c, String value) {
    if (value != null && !value.isEmpty()) {
      row.put(c, value);
    }
  }

  /** One line per part; line breaks inside a value would split it, so they become spaces. */
  private static void lines(
      Map<Column, String> row,
      Column c,
      List<Node> parts,
      java.util.function.Function<Node, String> value) {
    List<String> lines = new ArrayList<>();
    boolean any = false;
    for (Node n : parts) {
      String v = value.apply(n);
      any |= v != null;
      lines.add(v == null ? "" : v.replaceAll("\\s*[\\r\\n]+\\s*", " "));
    }
    if (any) {
      row.put(c, String.join("\n", lines));
    }
  }

  private static List<Node> objects(Graph g, Node s, Node p) {
    List<Node> out = new ArrayList<>();
    g.find(s, p, Node.ANY).forEachRemaining(t -> out.add(t.getObject()));
    return out;
  }

  private static List<Node> subjects(Graph g, Node p, Node o) {
    List<Node> out = new ArrayList<>();
    g.find(Node.ANY, p, o).forEachRemaining(t -> out.add(t.getSubject()));
    return out;
  }

  private static Node object(Graph g, Node s, Node p) {
    List<Node> all = objects(g, s, p);
    return all.isEmpty() ? null : all.get(0);
  }

  private static String literal(Graph g, Node s, Node p) {
    Node o = object(g, s, p);
    return o != null && o.isLiteral() ? o.getLiteralLexicalForm() : null;
  }

  /** A controlled value's enum name: cmo:stance-supports → supports. */
  private static String value(Graph g, Node s, Node p, String scheme) {
    return valueName(object(g, s, p), scheme);
  }

  private static String valueName(Node o, String scheme) {
    String prefix = Vocab.NS + scheme + "-";
    return o != null && o.isURI() && o.getURI().startsWith(prefix)
        ? o.getURI().substring(prefix.length())
        : null;
  }

  private static List<Node> byId(Graph g, List<Node> nodes) {
    List<Node> out = new ArrayList<>(nodes);
    out.sort(
        Comparator.comparing((Node n) -> String.valueOf(literal(g, n, Vocab.identifier)))
            .thenComparing(n -> n.toString()));
    return out;
  }
}
