package org.cmograph.query;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cmograph.testing.Repo;
import org.cmograph.testing.Snapshots;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/queries.md} true: its catalogue section is generated from the query headers,
 * and its example outputs are the real output of those commands on the bundled data. The prose
 * around the generated blocks is hand-written. Regenerate with {@code -Dsnapshots.update=true}.
 */
class QueriesDocTest {
  static final Path DOC = Repo.root().resolve("docs/queries.md");
  static final Pattern BLOCK =
      Pattern.compile(
          "(<!-- BEGIN GENERATED (catalogue|output: ([^>]+?)) -->\n)(.*?)(<!-- END GENERATED -->)",
          Pattern.DOTALL);

  @Test
  void theCatalogueDocumentationMatchesTheQueries() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    Matcher m = BLOCK.matcher(doc);
    StringBuilder out = new StringBuilder();
    int blocks = 0;
    while (m.find()) {
      String content = m.group(2).equals("catalogue") ? catalogue() : output(m.group(3).trim());
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + content + m.group(5)));
      blocks++;
    }
    m.appendTail(out);
    if (blocks < 3) {
      throw new AssertionError(DOC + " lost its generated blocks (catalogue and two outputs)");
    }
    Snapshots.assertMatches(DOC, out.toString());
  }

  /** One section per query, from its header. */
  static String catalogue() {
    StringBuilder sb = new StringBuilder();
    for (CatalogueQuery q : BundledData.catalogue().queries()) {
      sb.append("### ").append(q.title()).append("\n\n");
      sb.append("`")
          .append(q.name())
          .append("` · [queries/")
          .append(q.name())
          .append(".rq](../queries/")
          .append(q.name())
          .append(".rq)\n\n");
      sb.append(q.question()).append("\n\n");
      if (q.params().isEmpty()) {
        sb.append("Parameters: none.\n\n");
      } else {
        sb.append("| parameter | kind | required | meaning |\n|---|---|---|---|\n");
        for (QueryParam p : q.params()) {
          sb.append("| `")
              .append(p.name())
              .append("` | ")
              .append(p.kind().keyword())
              .append(" | ")
              .append(p.optional() ? "no" : "yes")
              .append(" | ")
              .append(p.description().replace("|", "\\|"))
              .append(" |\n");
        }
        sb.append("\n");
      }
      sb.append("```\n");
      q.examples().forEach(e -> sb.append(e.command()).append("\n"));
      sb.append("```\n\n");
    }
    return sb.toString();
  }

  /** The command and what it prints as a table, run on the bundled data. */
  static String output(String command) {
    List<String> words = List.of(command.split("\\s+"));
    CatalogueQuery q = BundledData.catalogue().require(words.get(2));
    QueryExample example =
        q.examples().stream()
            .filter(e -> e.command().equals(command))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "'" + command + "' is not an example in the header of " + q.name()));
    QueryResult result =
        new QueryRunner().run(q.bind(example.params()), BundledData.store().dataset());
    ByteArrayOutputStream table = new ByteArrayOutputStream();
    result.write(ResultFormat.TABLE, table);
    return "```\n$ " + command + "\n" + table.toString(StandardCharsets.UTF_8) + "```\n";
  }
}
