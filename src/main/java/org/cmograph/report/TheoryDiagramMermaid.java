package org.cmograph.report;

import java.util.ArrayList;
import java.util.List;
import org.cmograph.report.TheoryDiagram.Edge;
import org.cmograph.report.TheoryDiagram.Node;

/**
 * Writes a laid-out {@link TheoryDiagram} as a Mermaid flowchart, for Markdown: one subgraph per
 * layer (contexts, mechanisms, outcomes), the edges with their count labels (dotted from a blocking
 * context, dotted grey from a conditioning one) and the box colours of the SVG.
 */
final class TheoryDiagramMermaid {
  private TheoryDiagramMermaid() {}

  /** The picture as a Mermaid flowchart, for Markdown. */
  static String mermaid(TheoryDiagram d) {
    StringBuilder out = new StringBuilder();
    out.append("flowchart LR\n");
    subgraph(out, d, "contexts", "Contexts", "context");
    subgraph(out, d, "mechanisms", "Mechanisms (resource → reasoning)", "mechanism");
    subgraph(out, d, "outcomes", "Outcomes", "outcome");
    // Mermaid numbers links in the order they are written, from 0, for linkStyle.
    List<Integer> conditioning = new ArrayList<>();
    for (int i = 0; i < d.edges().size(); i++) {
      Edge e = d.edges().get(i);
      if (e.conditioning()) {
        conditioning.add(i);
      }
      out.append("  ")
          .append(id(e.from()))
          .append(e.blocking() || e.conditioning() ? " -.->|\"" : " -->|\"")
          .append(mermaidText(e.label()))
          .append("\"| ")
          .append(id(e.to()))
          .append('\n');
    }
    for (int i : conditioning) {
      out.append("  linkStyle ").append(i).append(" stroke:#616161,stroke-dasharray:2 3\n");
    }
    out.append("  classDef blocking fill:#ffebee,stroke:#c62828,stroke-dasharray:6 4\n");
    out.append("  classDef conditioning fill:#f5f5f5,stroke:#616161,stroke-dasharray:2 3\n");
    out.append("  classDef enabling fill:#f1f8e9,stroke:#2e7d32\n");
    out.append("  classDef mechanism fill:#e3f2fd,stroke:#1565c0\n");
    out.append("  classDef outcome fill:#fff8e1,stroke:#b26a00\n");
    return out.toString();
  }

  private static void subgraph(
      StringBuilder out, TheoryDiagram d, String id, String title, String kind) {
    out.append("  subgraph ").append(id).append("[\"").append(mermaidText(title)).append("\"]\n");
    for (Node n : d.nodes()) {
      if (!n.kind().equals(kind)) {
        continue;
      }
      String text =
          n.title() == null
              ? String.join(" ", n.lines())
              : "<b>"
                  + mermaidText(n.title().replace('\n', ' '))
                  + "</b><br/>"
                  + mermaidText(String.join(" ", n.lines()));
      if (n.title() == null) {
        text = mermaidText(text);
      }
      String cls =
          kind.equals("context")
              ? (n.blocking() ? "blocking" : n.conditioning() ? "conditioning" : "enabling")
              : kind;
      out.append("    ")
          .append(id(n))
          .append("[\"")
          .append(text)
          .append("\"]:::")
          .append(cls)
          .append('\n');
    }
    out.append("  end\n");
  }

  private static String id(Node n) {
    return n.key().replace('-', '_');
  }

  private static String mermaidText(String s) {
    return s.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
  }
}
