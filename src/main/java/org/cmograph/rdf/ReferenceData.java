package org.cmograph.rdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.cmograph.extraction.ConceptCatalogue;

/**
 * The graphs every study is read against: the ontology, the SHACL shapes and the mechanism
 * catalogue. They are read from an {@code ontology/} folder when one is given (a checkout), else
 * from the copies packed into the jar.
 */
public final class ReferenceData {
  public static final String ONTOLOGY_FILE = "cmograph.ttl";
  public static final String SHAPES_FILE = "shapes.ttl";
  public static final String CATALOGUE_FILE = "mechanism-catalogue.ttl";
  public static final String CONTEXT_CATALOGUE_FILE = "context-catalogue.ttl";
  public static final String OUTCOME_CATALOGUE_FILE = "outcome-catalogue.ttl";

  private final Graph ontology;
  private final Graph shapes;
  private final Graph catalogue;
  private final byte[] ontologyBytes;
  private final byte[] catalogueBytes;

  private ReferenceData(byte[] ontology, byte[] shapes, byte[] catalogue) {
    this.ontologyBytes = ontology;
    this.catalogueBytes = catalogue;
    this.ontology = parse(ontology, ONTOLOGY_FILE);
    this.shapes = parse(shapes, SHAPES_FILE);
    this.catalogue = parse(catalogue, CATALOGUE_FILE);
  }

  /**
   * Reads the files from {@code folder}, or from the jar when folder is null or absent. The
   * mechanism, context and outcome catalogues together make the catalogue graph.
   */
  public static ReferenceData load(Path folder) {
    java.io.ByteArrayOutputStream catalogues = new java.io.ByteArrayOutputStream();
    for (String name : List.of(CATALOGUE_FILE, CONTEXT_CATALOGUE_FILE, OUTCOME_CATALOGUE_FILE)) {
      catalogues.writeBytes(bytes(folder, name));
      catalogues.writeBytes("\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return new ReferenceData(
        bytes(folder, ONTOLOGY_FILE), bytes(folder, SHAPES_FILE), catalogues.toByteArray());
  }

  /**
   * The Turtle file {@code name} of {@code folder} (a checkout's ontology/), or the copy inside the
   * jar when folder is null or lacks it, as a graph.
   */
  public static Graph graph(Path folder, String name) {
    return parse(bytes(folder, name), name);
  }

  private static byte[] bytes(Path folder, String name) {
    try {
      if (folder != null && Files.isRegularFile(folder.resolve(name))) {
        return Files.readAllBytes(folder.resolve(name));
      }
      try (InputStream in =
          ReferenceData.class.getClassLoader().getResourceAsStream("ontology/" + name)) {
        if (in == null) {
          throw new IllegalStateException("ontology/" + name + " is missing from the build");
        }
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Graph parse(byte[] bytes, String name) {
    Graph g = GraphFactory.createGraphMem();
    RDFParser.create()
        .fromString(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
        .base("https://w3id.org/cmograph/ontology/" + name)
        .lang(Lang.TURTLE)
        .parse(g);
    return g;
  }

  public Graph ontology() {
    return ontology;
  }

  public Graph shapes() {
    return shapes;
  }

  public Graph catalogue() {
    return catalogue;
  }

  /** SHA-256 of the ontology and catalogue files, to tell whether the store holds these. */
  public String fingerprint() {
    byte[] both = new byte[ontologyBytes.length + catalogueBytes.length];
    System.arraycopy(ontologyBytes, 0, both, 0, ontologyBytes.length);
    System.arraycopy(catalogueBytes, 0, both, ontologyBytes.length, catalogueBytes.length);
    return org.cmograph.util.Hashes.sha256(both);
  }

  /** The catalogues' concept ids (the last segment of each concept's IRI). */
  public ConceptCatalogue concepts() {
    Set<String> mechanisms = ids(Vocab.MechanismConcept, Vocab.MECHANISM);
    Set<String> contexts = ids(Vocab.ContextConcept, Vocab.CONTEXT_CONCEPT);
    Set<String> outcomes = ids(Vocab.OutcomeConcept, Vocab.OUTCOME_CONCEPT);
    return new ConceptCatalogue() {
      @Override
      public Set<String> conceptIds() {
        return mechanisms;
      }

      @Override
      public Set<String> conceptIds(ConceptCatalogue.Scheme scheme) {
        return switch (scheme) {
          case MECHANISM -> mechanisms;
          case CONTEXT -> contexts;
          case OUTCOME -> outcomes;
        };
      }
    };
  }

  private Set<String> ids(Node type, String namespace) {
    Set<String> ids = new TreeSet<>();
    ExtendedIterator<Triple> it = catalogue.find(Node.ANY, Vocab.type, type);
    try {
      while (it.hasNext()) {
        Node concept = it.next().getSubject();
        if (concept.isURI() && concept.getURI().startsWith(namespace)) {
          ids.add(concept.getURI().substring(namespace.length()));
        }
      }
    } finally {
      it.close();
    }
    return Set.copyOf(ids);
  }
}
