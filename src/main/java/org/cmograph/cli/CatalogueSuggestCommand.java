package org.cmograph.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.jena.graph.Graph;
import org.cmograph.extraction.ConceptLabels;
import org.cmograph.rdf.CatalogueLabels;
import org.cmograph.rdf.CatalogueSuggestions;
import org.cmograph.store.CmoStore;
import org.cmograph.store.StudyGraphs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cmograph catalogue suggest}: study mechanisms that name no catalogue concept, and concepts
 * only one study uses, with the closest concepts by label, so the catalogue grows by decision.
 *
 * <pre>
 * cmograph catalogue suggest
 * cmograph catalogue suggest --mechanism hope
 * </pre>
 */
@Command(
    name = "suggest",
    description =
        "List study mechanisms that map to no catalogue concept or to a concept only one study"
            + " uses, with the closest concepts by label similarity.")
final class CatalogueSuggestCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Option(
      names = "--mechanism",
      paramLabel = "ID",
      completionCandidates = CatalogueIds.class,
      description = "Also show this concept's use and nearest concepts (repeatable)")
  List<String> mechanisms = new ArrayList<>();

  @Option(
      names = "--unused",
      description = "List the concepts no loaded study uses (default: count them)")
  boolean unused;

  @Mixin StoreOptions storeOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Workspace ws = Workspace.current();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (CmoStore store = Studies.open(ws, storeOptions, err)) {
      Graph catalogue = StudyGraphs.catalogue(store);
      ConceptLabels labels =
          catalogue.isEmpty()
              ? CatalogueLabels.of(Studies.pipeline(ws, null).reference())
              : CatalogueLabels.of(catalogue);
      for (String m : mechanisms) {
        if (!labels.contains(m)) {
          throw new ParameterException(
              spec.commandLine(),
              "--mechanism "
                  + m
                  + ": not in the catalogue"
                  + org.cmograph.util.Suggest.didYouMean(m, labels.conceptIds()));
        }
      }
      CatalogueSuggestions suggestions = new CatalogueSuggestions(labels);
      StudyGraphs.forEach(store, suggestions::add);
      CatalogueSuggestions.Report r = suggestions.report(mechanisms);
      out.printf(
          "catalogue: %d concepts; the %d stud%s in %s use%s %d of them%n",
          r.concepts(),
          r.studies(),
          r.studies() == 1 ? "y" : "ies",
          Workspace.shown(storeOptions.resolve(ws)),
          r.studies() == 1 ? "s" : "",
          r.usedConcepts());
      out.println();
      if (r.unmapped().isEmpty()) {
        out.println("study mechanisms mapped to no catalogue concept: none");
      } else {
        out.printf("study mechanisms mapped to no catalogue concept (%d):%n", r.unmapped().size());
        for (CatalogueSuggestions.Unmapped u : r.unmapped()) {
          CatalogueSuggestions.StudyMechanism m = u.mechanism();
          out.printf(
              "  %s/%s \"%s\"%s%n",
              m.study(),
              m.cmoc(),
              DiffCommand.abbreviate(String.valueOf(m.wording())),
              m.concept() == null ? "" : " names '" + m.concept() + "', which the catalogue lacks");
          out.printf("    closest concepts: %s%n", matches(u.closest()));
        }
      }
      out.println();
      out.printf(
          "concepts used by one study only (%d): a new idea, or another concept under a new"
              + " name?%n",
          r.singleStudy().size());
      for (CatalogueSuggestions.ConceptUse use : r.singleStudy()) {
        print(out, use);
      }
      if (!r.asked().isEmpty()) {
        out.println();
        out.println("concepts asked for:");
        for (CatalogueSuggestions.ConceptUse use : r.asked()) {
          print(out, use);
        }
      }
      out.println();
      if (unused || r.unused().isEmpty()) {
        out.printf(
            "concepts no loaded study uses (%d): %s%n",
            r.unused().size(), r.unused().isEmpty() ? "none" : String.join(", ", r.unused()));
      } else {
        out.printf(
            "concepts no loaded study uses: %d (list them with --unused)%n", r.unused().size());
      }
    }
    out.flush();
    return 0;
  }

  private static void print(PrintWriter out, CatalogueSuggestions.ConceptUse use) {
    out.printf(
        "  %s \"%s\" (%s, %d CMOC%s)%n",
        use.concept(),
        use.label(),
        use.studies().isEmpty() ? "no study" : String.join(", ", use.studies()),
        use.mechanisms().size(),
        use.mechanisms().size() == 1 ? "" : "s");
    List<String> wordings = new ArrayList<>();
    for (CatalogueSuggestions.StudyMechanism m : use.mechanisms()) {
      String w = "\"" + DiffCommand.abbreviate(String.valueOf(m.wording())) + "\"";
      if (!wordings.contains(w)) {
        wordings.add(w);
      }
    }
    if (!wordings.isEmpty()) {
      out.printf("    worded: %s%n", String.join("; ", wordings));
    }
    out.printf("    closest other concepts: %s%n", matches(use.closest()));
  }

  private static String matches(List<ConceptLabels.Match> matches) {
    if (matches.isEmpty()) {
      return "none alike";
    }
    List<String> out = new ArrayList<>();
    for (ConceptLabels.Match m : matches) {
      out.add(String.format(Locale.ROOT, "%s (%.2f)", m.id(), m.score()));
    }
    return String.join(", ", out);
  }
}
