package org.cmograph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.cmograph.rdf.ReferenceData;
import org.cmograph.rdf.StudyPipeline;
import org.cmograph.testing.HostileInputs;
import org.cmograph.testing.Repo;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A quote that is verbatim in its source may hold what breaks careless RDF writers: {@code """},
 * {@code >} and {@code <}, backslashes, both kinds of quotes, a tab, a character outside the Basic
 * Multilingual Plane. It loads, and every export format (read back by Jena and by RDF4J, and the
 * CSV by a CSV parser) returns it character for character.
 */
class HardQuotesRoundTripTest {
  static final String QUOTE =
      "He said \"\"\"never\"\"\" and then -> <b>stop</b> \\ \"done\" 'ok' ''' caf\u00e9 \ud83d\ude00 end";

  @Test
  void aVerbatimQuoteFullOfRdfSyntaxSurvivesEveryExportFormat(@TempDir Path dir)
      throws IOException {
    Files.createDirectories(dir.resolve("studies"));
    Files.createDirectories(dir.resolve("sources"));
    Files.writeString(
        dir.resolve("sources/hard-quotes.txt"),
        "Results. " + QUOTE + ". More text.\n",
        StandardCharsets.UTF_8);
    String study =
        HostileInputs.minimal("hard-quotes")
            .replace("  file: gillard-2014-change-model.txt", "  file: hard-quotes.txt")
            .replace(
                "    quote: \"Key change mechanisms were: (i) building trusting relationships based on shared lived experience\"",
                "    quote: |-\n      " + QUOTE)
            .replace(
                "    quote: >-\n      Mechanisms could be further explained by theoretical literature\n      on role-modelling and relationship in mental health services.",
                "    quote: \"" + QUOTE.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    Files.writeString(dir.resolve("studies/hard-quotes.yaml"), study, StandardCharsets.UTF_8);

    StudyPipeline pipeline =
        new StudyPipeline(ReferenceData.load(Repo.root().resolve("ontology")), null, Repo.root());
    StudyPipeline.Result result = pipeline.validate(List.of(dir.resolve("studies")));
    assertEquals(List.of(), result.problems());
    assertEquals(1, result.valid().size());
    assertEquals(QUOTE, result.valid().get(0).evidence().get(0).quote());
    assertEquals(QUOTE, result.valid().get(0).evidence().get(1).quote());

    try (CmoStore store = CmoStore.inMemory()) {
      ReferenceData ref = pipeline.reference();
      store.replace(ref.ontology(), ref.catalogue(), result.valid(), pipeline::convert);
      DatasetGraph expected =
          Txn.calculateRead(
              store.dataset(),
              () -> {
                DatasetGraph copy = DatasetGraphFactory.createGeneral();
                store.dataset().find().forEachRemaining(copy::add);
                return copy;
              });
      for (Exporter.Format format : Exporter.Format.values()) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Exporter(store).write(format, out);
        byte[] bytes = out.toByteArray();
        if (format == Exporter.Format.CSV) {
          assertTrue(csvCells(bytes).contains(QUOTE), "CSV holds the quote");
          continue;
        }
        Lang lang =
            switch (format) {
              case TRIG -> Lang.TRIG;
              case NQ -> Lang.NQUADS;
              case TTL -> Lang.TURTLE;
              default -> Lang.JSONLD11;
            };
        DatasetGraph back = DatasetGraphFactory.createGeneral();
        RDFParser.source(new ByteArrayInputStream(bytes)).lang(lang).parse(back);
        if (format != Exporter.Format.TTL) {
          assertTrue(
              IsoMatcher.isomorphic(expected, back), format + ": Jena reads back the same dataset");
        }
        RDFFormat rio =
            switch (format) {
              case TRIG -> RDFFormat.TRIG;
              case NQ -> RDFFormat.NQUADS;
              case TTL -> RDFFormat.TURTLE;
              default -> RDFFormat.JSONLD;
            };
        Model model = Rio.parse(new ByteArrayInputStream(bytes), "", rio);
        long found =
            model.stream()
                .filter(st -> st.getObject() instanceof Literal l && l.getLabel().equals(QUOTE))
                .count();
        // Two items quote it: each as cmo:quote and as its Web Annotation oa:exact.
        assertEquals(
            4, found, format + ": RDF4J finds the quote four times, character for character");
      }
    }
  }

  static List<String> csvCells(byte[] bytes) throws IOException {
    String text = new String(bytes, StandardCharsets.UTF_8).replaceFirst("^\ufeff", "");
    try (var parser = CSVFormat.RFC4180.parse(new java.io.StringReader(text))) {
      return parser.stream().flatMap(CSVRecord::stream).toList();
    }
  }
}
