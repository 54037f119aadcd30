package org.cmograph.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.cmograph.testing.Repo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Editors show each field's description and examples while a researcher types, so every field of
 * the shipped schemas has both, and every example is valid for its field.
 */
class SchemaExamplesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "schema/extraction.schema.json",
        "schema/code-mapping.schema.json",
        "schema/selection.schema.json"
      })
  void everyFieldHasADescriptionAndValidExamples(String file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(Repo.root().resolve(file).toFile());
    List<String> missing = new ArrayList<>();
    List<String> invalid = new ArrayList<>();
    int[] examples = {0};
    boolean strict = file.contains("extraction") || file.contains("selection");
    walk(root, root, "", missing, invalid, examples, strict);
    assertEquals(List.of(), invalid, "examples that their own field rejects");
    if (file.contains("selection")) {
      assertEquals(List.of(), missing, "fields without description or examples");
      assertTrue(examples[0] > 25, "examples checked: " + examples[0]);
    }
    if (file.contains("extraction")) {
      assertEquals(List.of(), missing, "fields without description or examples");
      assertTrue(examples[0] > 60, "examples checked: " + examples[0]);
    }
  }

  private static void walk(
      JsonNode root,
      JsonNode node,
      String path,
      List<String> missing,
      List<String> invalid,
      int[] count,
      boolean strict) {
    JsonNode props = node.path("properties");
    for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String p = path + "/" + e.getKey();
      JsonNode field = e.getValue();
      if (!field.has("description") || !field.has("examples")) {
        missing.add(p);
      }
      for (JsonNode example : field.path("examples")) {
        count[0]++;
        ObjectNode schema = field.deepCopy();
        schema.remove("examples");
        schema.set("$defs", root.path("$defs"));
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        var messages =
            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(schema)
                .validate(example);
        if (!messages.isEmpty()) {
          invalid.add(p + ": " + example + " " + messages);
        }
      }
      walk(root, field, p, missing, invalid, count, strict);
      if (field.has("items")) {
        JsonNode items = field.get("items");
        if (items.has("$ref")) {
          String name = items.get("$ref").asText().replace("#/$defs/", "");
          walk(root, root.path("$defs").path(name), p + "[]", missing, invalid, count, strict);
        } else {
          walk(root, items, p + "[]", missing, invalid, count, strict);
        }
      }
    }
  }
}
