package org.cmograph.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cmograph.rdf.CatalogueEntries;
import org.cmograph.rdf.ReferenceData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cmograph catalogue list}: the concepts of a shared catalogue with their definitions and
 * the studies' wordings, read from the catalogue files (not the store), so a researcher can pick a
 * concept while their own extraction is still half-written.
 *
 * <pre>
 * cmograph catalogue list                # mechanisms
 * cmograph catalogue list contexts
 * </pre>
 */
@Command(
    name = "list",
    description =
        "Print a shared catalogue (mechanisms, contexts or outcomes): each concept's id, label,"
            + " definition, broader concept and the studies' wordings.")
final class CatalogueListCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "CATALOGUE",
      description = "mechanisms (default), contexts or outcomes")
  CatalogueEntries.Catalogue catalogue = CatalogueEntries.Catalogue.MECHANISMS;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Workspace ws = Workspace.current();
    PrintWriter out = spec.commandLine().getOut();
    ReferenceData reference = ReferenceData.load(ws.ontologyDir());
    List<CatalogueEntries.Entry> entries = CatalogueEntries.of(reference.catalogue(), catalogue);
    String name = catalogue.name().toLowerCase(Locale.ROOT);
    out.printf(
        "%s catalogue (ontology/%s): %d concept%s%n",
        name, catalogue.file(), entries.size(), entries.size() == 1 ? "" : "s");
    for (CatalogueEntries.Entry e : entries) {
      out.println();
      out.printf("%s  %s%n", e.id(), e.label() == null ? "" : e.label());
      if (e.broader() != null) {
        out.printf("  broader: %s%n", e.broader());
      }
      if (e.definition() != null) {
        out.printf("  %s%n", e.definition());
      }
      if (!e.wordings().isEmpty()) {
        out.printf("  studies' wordings: %s%n", String.join("; ", e.wordings()));
      }
      if (e.scopeNote() != null) {
        out.printf("  used by: %s%n", e.scopeNote());
      }
    }
    out.flush();
    return 0;
  }
}
