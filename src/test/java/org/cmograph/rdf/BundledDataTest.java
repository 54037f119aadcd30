package org.cmograph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.cmograph.extraction.Extraction;
import org.cmograph.extraction.SourceText;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled data/: every study valid, SHACL-conformant, and every quote verbatim. */
class BundledDataTest {
  static StudyPipeline pipeline;
  static StudyPipeline.Result result;

  @BeforeAll
  static void validateAll() {
    pipeline =
        new StudyPipeline(ReferenceData.load(Repo.root().resolve("ontology")), null, Repo.root());
    result = pipeline.validate(List.of(Repo.data().resolve("studies")));
  }

  @Test
  void everyBundledStudyValidatesWithoutErrorsOrWarnings() {
    assertEquals(List.of(), result.problems());
    assertTrue(result.filesRead() >= 16, "one study per source plus 8+ related abstracts");
    assertEquals(result.filesRead(), result.valid().size());
  }

  @Test
  void everyStudyGraphConformsToTheShapes() {
    for (Extraction x : result.valid()) {
      assertEquals(List.of(), pipeline.conform(x, pipeline.convert(x)), x.study().id());
    }
  }

  /** Checked here independently of the validator, straight against data/sources. */
  @Test
  void everyQuoteIsVerbatimInItsRegisteredSource() throws IOException {
    int quotes = 0;
    for (Extraction x : result.valid()) {
      assertTrue(x.source().file() != null, x.study().id() + " registers its source text");
      Path source = Repo.data().resolve("sources").resolve(x.source().file());
      SourceText text = new SourceText(source.toString(), Files.readString(source));
      for (Extraction.EvidenceItem e : x.evidence()) {
        assertTrue(text.contains(e.quote()), x.study().id() + "/" + e.id() + " is not verbatim");
        assertTrue(e.location() != null && !e.location().isBlank());
        quotes++;
      }
    }
    assertTrue(quotes >= 50, "bundled evidence items: " + quotes);
  }

  /**
   * Every evidence item carries W3C Web Annotation selectors on its registered source text: one
   * TextQuoteSelector whose exact is the quote as the source words it, and one TextPositionSelector
   * whose start and end (code points of the text) cut exactly that passage out of the file in
   * data/sources.
   */
  @Test
  void everyEvidenceItemCarriesWebAnnotationSelectorsOnItsSource() throws IOException {
    int items = 0;
    for (Extraction x : result.valid()) {
      Graph g = pipeline.convert(x).graph();
      String text = Files.readString(Repo.data().resolve("sources").resolve(x.source().file()));
      Node source = NodeFactory.createURI(Vocab.ID + x.study().id() + "/source");
      for (Extraction.EvidenceItem e : x.evidence()) {
        String where = x.study().id() + "/" + e.id();
        Node item = NodeFactory.createURI(Vocab.ID + x.study().id() + "/evidence/" + e.id());
        List<Node> targets = objects(g, item, Vocab.hasTarget);
        assertEquals(1, targets.size(), where + " has one oa:hasTarget");
        Node target = targets.get(0);
        assertEquals(List.of(source), objects(g, target, Vocab.hasSource), where);
        Node quote = null;
        Node position = null;
        for (Node selector : objects(g, target, Vocab.hasSelector)) {
          if (g.contains(selector, Vocab.type, Vocab.TextQuoteSelector)) {
            assertEquals(null, quote, where + " has one TextQuoteSelector");
            quote = selector;
          } else if (g.contains(selector, Vocab.type, Vocab.TextPositionSelector)) {
            assertEquals(null, position, where + " has one TextPositionSelector");
            position = selector;
          }
        }
        assertTrue(quote != null && position != null, where + " has both selectors");
        String exact = literal(g, quote, Vocab.exact);
        // The source's own wording of the quote: the same text up to spacing and quote marks.
        assertEquals(
            SourceText.normalise(e.quote()),
            SourceText.normalise(exact),
            where + ": oa:exact is the quote");
        int start = Integer.parseInt(literal(g, position, Vocab.start));
        int end = Integer.parseInt(literal(g, position, Vocab.end));
        assertTrue(0 <= start && start < end, where + ": 0 <= start < end");
        int from = text.offsetByCodePoints(0, start);
        int to = text.offsetByCodePoints(0, end);
        assertEquals(exact, text.substring(from, to), where + ": the position selects exact");
        String prefix =
            objects(g, quote, Vocab.prefix).isEmpty() ? "" : literal(g, quote, Vocab.prefix);
        String suffix =
            objects(g, quote, Vocab.suffix).isEmpty() ? "" : literal(g, quote, Vocab.suffix);
        assertTrue(text.substring(0, from).endsWith(prefix), where + ": prefix precedes exact");
        assertTrue(text.substring(to).startsWith(suffix), where + ": suffix follows exact");
        assertTrue(from == 0 || !prefix.isEmpty(), where + ": a prefix unless at the start");
        items++;
      }
    }
    assertTrue(items >= 50, "bundled evidence items: " + items);
  }

  private static List<Node> objects(Graph g, Node s, Node p) {
    return g.find(s, p, Node.ANY).mapWith(Triple::getObject).toList();
  }

  private static String literal(Graph g, Node s, Node p) {
    List<Node> values = objects(g, s, p);
    assertEquals(1, values.size(), s + " has one " + p);
    return values.get(0).getLiteralLexicalForm();
  }

  @Test
  void sourcesAreTheSharedTextsUnchanged() throws IOException {
    Path shared = Repo.root().resolveSibling("shared").resolve("sources");
    if (!Files.isDirectory(shared)) {
      return; // outside the development layout there is nothing to compare against
    }
    try (Stream<Path> files = Files.list(shared)) {
      for (Path f : files.toList()) {
        Path copy = Repo.data().resolve("sources").resolve(f.getFileName());
        assertTrue(Files.exists(copy), "missing copy of " + f.getFileName());
        assertEquals(-1L, Files.mismatch(f, copy), f.getFileName() + " differs from its source");
      }
    }
  }

  @Test
  void everySourceTextIsUsedByAStudy() throws IOException {
    Set<String> used = new HashSet<>();
    result.valid().forEach(x -> used.add(x.source().file()));
    try (Stream<Path> files = Files.list(Repo.data().resolve("sources"))) {
      for (Path f : files.toList()) {
        assertTrue(used.contains(f.getFileName().toString()), f + " is not extracted");
      }
    }
  }
}
