package org.cmograph.extraction.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.cmograph.testing.Repo;

/**
 * schema/extraction.schema.json (format 2) as the migration tests use it: read straight from the
 * repository, so they do not depend on the validator being rewritten on the format2 branch.
 */
final class SchemaFormat2 {
  private SchemaFormat2() {}

  private static final JsonSchema SCHEMA = load();

  private static JsonSchema load() {
    try {
      JsonNode node =
          new ObjectMapper()
              .readTree(Files.readString(Repo.root().resolve("schema/extraction.schema.json")));
      SchemaValidatorsConfig config =
          SchemaValidatorsConfig.builder()
              .pathType(PathType.JSON_POINTER)
              .formatAssertionsEnabled(true)
              .build();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(String text, String name) {
    try {
      return (name.endsWith(".json") ? new ObjectMapper() : new YAMLMapper()).readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema's complaints about a file's text, one line each; empty when it validates. */
  static List<String> problems(String text, String name) {
    return SCHEMA.validate(tree(text, name)).stream()
        .map(ValidationMessage::toString)
        .sorted()
        .toList();
  }
}
