package org.cmograph.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The evidence quotes of one bundled study, read straight from its extraction file. */
public final class BundledQuotes {
  private BundledQuotes() {}

  /** One evidence item's id, quote and typed location. */
  public record Quote(String id, String quote, String location) {}

  public static List<Quote> of(String studyId) throws IOException {
    JsonNode root =
        new ObjectMapper(new YAMLFactory())
            .readTree(Repo.data().resolve("studies").resolve(studyId + ".yaml").toFile());
    List<Quote> out = new ArrayList<>();
    for (JsonNode e : root.path("evidence")) {
      out.add(
          new Quote(
              e.path("id").asText(), e.path("quote").asText(), e.path("location").asText(null)));
    }
    return out;
  }

  /** The text of a bundled source after its header lines (what the publication itself says). */
  public static List<String> paragraphsOf(String sourceFile) throws IOException {
    String text =
        java.nio.file.Files.readString(Repo.data().resolve("sources").resolve(sourceFile));
    List<String> out = new ArrayList<>();
    for (String p : text.split("\n\\s*\n")) {
      if (!p.isBlank()) {
        out.add(p.strip());
      }
    }
    return out;
  }
}
