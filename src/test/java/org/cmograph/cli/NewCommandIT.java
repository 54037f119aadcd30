package org.cmograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cmograph new}: the template is a format 2 file that shows every part a researcher fills
 * in, and once its TODOs are filled from a real source it validates.
 */
class NewCommandIT {
  @Test
  void theTemplateIsFormatTwoAndValidatesOnceFilled(@TempDir Path tmp) throws IOException {
    Path studies = Files.createDirectories(tmp.resolve("data/studies"));
    Path sources = Files.createDirectories(tmp.resolve("data/sources"));
    Files.copy(
        Repo.data().resolve("sources/gillard-2024-implementation.txt"),
        sources.resolve("gillard-2024-implementation.txt"));
    SpreadsheetImportIT.Run r = SpreadsheetImportIT.run("new", "smith-2023", "--dir", studies.toString());
    assertEquals(0, r.exit(), r.err());
    Path file = studies.resolve("smith-2023.yaml");
    String template = Files.readString(file);
    for (String part :
        new String[] {
          "\nformat: 2\n",
          "\nactors:",
          "\ncontexts:",
          "\noutcomes:",
          "    kind: configuration",
          "      - context: todo-context\n        role: enabling",
          "      not_reported: [reasoning]",
          "  #   kind: outcome-pattern",
          "    kind: finding",
          "    cmocs: [todo-cmoc]"
        }) {
      assertTrue(template.contains(part), part);
    }
    assertFalse(template.contains("response"), "format 2 says reasoning");

    SpreadsheetImportIT.Run unfilled = SpreadsheetImportIT.run("validate", file.toString());
    assertEquals(1, unfilled.exit(), "a template with TODOs is not yet a valid study");
    assertTrue(unfilled.out().contains("SOURCE-NOT-FOUND"), unfilled.out());

    String filled =
        template
            .replace("TODO-source.txt", "gillard-2024-implementation.txt")
            .replace(
                "TODO copy the passage verbatim from the source text",
                "The supervisor role was well resourced, and delivery of peer support was highly"
                    + " consistent with the intervention manual.")
            .replace("TODO ", "");
    Files.writeString(file, filled);
    SpreadsheetImportIT.Run valid = SpreadsheetImportIT.run("validate", file.toString());
    assertEquals(0, valid.exit(), valid.out() + valid.err());
  }
}
