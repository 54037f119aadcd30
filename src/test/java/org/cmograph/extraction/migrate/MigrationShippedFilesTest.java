package org.cmograph.extraction.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every first-format extraction that shipped (the bundled studies and the valid extraction fixture,
 * kept as they shipped under src/test/resources/migrate/shipped/) migrates, in a temporary copy, to
 * a file that the format 2 schema accepts and that loses nothing: each comment line and each value
 * is still there, and turning the result back into the first format by hand gives the input again.
 */
class MigrationShippedFilesTest {
  static List<String> shippedFirstFormatFiles() throws IOException {
    List<String> found = new ArrayList<>();
    // Frozen copies of what shipped in the first format (the bundled studies and the valid
    // fixture as they were before format 2), and whatever first-format file a checkout still has.
    for (String dir :
        List.of(
            "src/test/resources/migrate/shipped/studies",
            "src/test/resources/migrate/shipped/fixtures",
            "data/studies",
            "examples",
            "src/test/resources/extraction/valid")) {
      try (Stream<Path> files = Files.list(Repo.root().resolve(dir))) {
        for (Path f : files.sorted().toList()) {
          String name = f.getFileName().toString();
          if (!name.matches(".*\\.(yaml|yml|json)")) {
            continue;
          }
          JsonNode tree = SchemaFormat2.tree(Files.readString(f, StandardCharsets.UTF_8), name);
          if (tree.path("study").isObject() && !tree.has("format")) {
            found.add(dir + "/" + name);
          }
        }
      }
    }
    return found;
  }

  @Test
  void theBundledStudiesAndTheFixturesAreAllFound() throws IOException {
    List<String> files = shippedFirstFormatFiles();
    assertTrue(files.size() >= 21, "found: " + files);
    assertTrue(
        files.contains("src/test/resources/migrate/shipped/fixtures/minimal.yaml"),
        "found: " + files);
  }

  @ParameterizedTest
  @MethodSource("shippedFirstFormatFiles")
  void migratesToAValidFormat2FileLosingNothing(String path, @TempDir Path tmp) throws IOException {
    Path original = Repo.root().resolve(path);
    Path copy = tmp.resolve(original.getFileName());
    Files.copy(original, copy);
    String before = Files.readString(copy, StandardCharsets.UTF_8);
    Migration migration = new Migration(original.getParent().resolveSibling("sources"));

    Migration.Result result = migration.migrate(copy);
    assertEquals(List.of(), result.problems());
    assertEquals(Migration.Outcome.MIGRATED, result.outcome());
    String after = result.text();
    String name = copy.getFileName().toString();

    assertEquals(
        List.of(), SchemaFormat2.problems(after, name), path + " against the format 2 schema");

    Set<String> afterLines = new TreeSet<>();
    after.lines().map(String::strip).forEach(afterLines::add);
    before
        .lines()
        .map(String::strip)
        .filter(l -> l.startsWith("#"))
        .forEach(l -> assertTrue(afterLines.contains(l), "comment kept: " + l));

    JsonNode in = SchemaFormat2.tree(before, name);
    JsonNode out = SchemaFormat2.tree(after, name);
    Set<String> outValues = scalars(out);
    for (String value : scalars(in)) {
      assertTrue(outValues.contains(value) || value.equals("response"), "value kept: " + value);
    }
    assertEquals(withDefaultRoles(in), firstFormat(out), "the result, turned back, is the input");

    Files.writeString(copy, after, StandardCharsets.UTF_8);
    Migration.Result again = migration.migrate(copy);
    assertEquals(Migration.Outcome.ALREADY_FORMAT_2, again.outcome());
    assertEquals(after, again.text(), "migrating twice changes nothing");
  }

  private static Set<String> scalars(JsonNode node) {
    Set<String> out = new TreeSet<>();
    collect(node, out);
    return out;
  }

  private static void collect(JsonNode node, Set<String> out) {
    if (node.isValueNode()) {
      out.add(node.asText());
    }
    node.forEach(child -> collect(child, out));
  }

  /** The first format left a context's role to its default; the second states it. */
  private static JsonNode withDefaultRoles(JsonNode in) {
    ObjectNode copy = in.deepCopy();
    for (JsonNode cmoc : copy.path("cmocs")) {
      for (JsonNode context : cmoc.path("contexts")) {
        if (!context.has("role")) {
          ((ObjectNode) context).put("role", "enabling");
        }
      }
    }
    return copy;
  }

  /** Undoes the migration by the spec's list of changes, to compare with the input. */
  private static JsonNode firstFormat(JsonNode out) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = out.deepCopy();
    root.remove("format");
    Map<String, JsonNode> contexts = byId(root.remove("contexts"));
    Map<String, JsonNode> outcomes = byId(root.remove("outcomes"));
    for (JsonNode c : root.path("cmocs")) {
      ObjectNode cmoc = (ObjectNode) c;
      assertEquals("configuration", cmoc.remove("kind").asText());
      if (cmoc.has("contexts")) {
        ArrayNode inline = f.arrayNode();
        for (JsonNode link : cmoc.get("contexts")) {
          ObjectNode context = contexts.get(link.get("context").asText()).deepCopy();
          context.set("role", link.get("role"));
          inline.add(context);
        }
        cmoc.set("contexts", inline);
      }
      if (cmoc.has("outcomes")) {
        ArrayNode inline = f.arrayNode();
        cmoc.get("outcomes").forEach(id -> inline.add(outcomes.get(id.asText())));
        cmoc.set("outcomes", inline);
      }
      ObjectNode mechanism = (ObjectNode) cmoc.get("mechanism");
      JsonNode reasoning = mechanism.remove("reasoning");
      if (reasoning != null) {
        mechanism.set("response", reasoning);
      }
      JsonNode notReported = mechanism.remove("not_reported");
      if (notReported != null) {
        notReported.forEach(part -> assertFalse(mechanism.has(part.asText())));
      }
    }
    for (JsonNode e : root.path("evidence")) {
      ObjectNode item = (ObjectNode) e;
      assertEquals("finding", item.remove("kind").asText());
      JsonNode cmocs = item.remove("cmocs");
      assertEquals(1, cmocs.size());
      item.set("cmoc", cmocs.get(0));
      if (item.has("about")) {
        ArrayNode about = f.arrayNode();
        item.get("about")
            .forEach(a -> about.add(a.asText().equals("reasoning") ? f.textNode("response") : a));
        item.set("about", about);
      }
    }
    return root;
  }

  private static Map<String, JsonNode> byId(JsonNode list) {
    Map<String, JsonNode> out = new java.util.HashMap<>();
    if (list != null) {
      list.forEach(item -> out.put(item.get("id").asText(), item));
    }
    return out;
  }
}
