package org.cmograph.rdf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.cmograph.extraction.DocumentReader;
import org.cmograph.extraction.Position;
import org.cmograph.extraction.PositionedDocument;
import org.cmograph.extraction.Problem;

/**
 * A SHACL report on a graph built from one file, as problems placed in that file: each result at
 * the line and column of the value its focus node was built from ({@code pointers}: node → JSON
 * pointer), a violation as SHAPE-VIOLATION, anything milder as SHAPE-WARNING.
 */
final class ShapeProblems {
  private ShapeProblems() {}

  static List<Problem> of(Path file, Shapes shapes, Graph graph, Map<Node, String> pointers) {
    ValidationReport report = ShaclValidator.get().validate(shapes, graph);
    List<Problem> out = new ArrayList<>();
    if (report.conforms()) {
      return out;
    }
    Optional<PositionedDocument> doc = new DocumentReader().read(file, new ArrayList<>());
    for (ReportEntry entry : report.getEntries()) {
      Node focus = entry.focusNode();
      String pointer = pointers.getOrDefault(focus, "");
      Position at = doc.map(d -> d.valueAt(pointer)).orElse(Position.START);
      String path = entry.resultPath() == null ? "" : " " + entry.resultPath() + ":";
      String message = "SHACL" + path + " " + entry.message() + " (at <" + focus + ">)";
      out.add(
          entry.severity() == Severity.Violation
              ? Problem.error(file, at, "SHAPE-VIOLATION", message)
              : Problem.warning(file, at, "SHAPE-WARNING", message));
    }
    return out;
  }
}
