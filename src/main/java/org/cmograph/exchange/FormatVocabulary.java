package org.cmograph.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cmograph.extraction.SchemaCheck;

/**
 * The controlled values of the extraction format (stance, perspective, context type and role,
 * evidence kind, ...), read from the JSON Schema so the importers never keep a second copy, and a
 * forgiving match of what a researcher typed in a cell ("Peer workers" for {@code peer-worker},
 * "Supports" for {@code supports}).
 */
final class FormatVocabulary {
  final List<String> actorTypes;
  final List<String> contextTypes;
  final List<String> contextRoles;
  final List<String> cmocKinds;
  final List<String> directions;
  final List<String> levels;
  final List<String> theoryStances;
  final List<String> speakers;
  final List<String> perspectives;
  final List<String> stances;
  final List<String> strengths;
  final List<String> evidenceKinds;

  private FormatVocabulary(JsonNode schema) {
    JsonNode defs = schema.path("$defs");
    JsonNode top = schema.path("properties");
    JsonNode cmoc = defs.path("cmoc").path("properties");
    JsonNode context = top.path("contexts").path("items").path("properties");
    JsonNode contextLink = cmoc.path("contexts").path("items").path("properties");
    JsonNode outcome = top.path("outcomes").path("items").path("properties");
    JsonNode link = cmoc.path("theory_links").path("items").path("properties");
    JsonNode evidence = defs.path("evidence").path("properties");
    actorTypes = values(defs.path("actor-type"));
    contextTypes = values(context.path("type"));
    contextRoles = values(contextLink.path("role"));
    cmocKinds = values(cmoc.path("kind"));
    directions = values(outcome.path("direction"));
    levels = values(outcome.path("level"));
    theoryStances = values(link.path("stance"));
    speakers = values(evidence.path("speaker"));
    perspectives = values(evidence.path("perspective"));
    stances = values(evidence.path("stance"));
    strengths = values(evidence.path("strength"));
    evidenceKinds = values(evidence.path("kind"));
  }

  private static FormatVocabulary instance;

  static synchronized FormatVocabulary get() {
    if (instance == null) {
      instance = new FormatVocabulary(SchemaCheck.extraction().schemaNode());
    }
    return instance;
  }

  private static List<String> values(JsonNode property) {
    List<String> out = new ArrayList<>();
    property.path("enum").forEach(v -> out.add(v.asText()));
    if (out.isEmpty()) {
      throw new IllegalStateException("the extraction schema lost an enum the importer reads");
    }
    return List.copyOf(out);
  }

  /**
   * The allowed value {@code raw} stands for, or null: case, spaces and underscores are forgiven,
   * and a plural or singular form ("peer workers", "support") finds its value.
   */
  static String match(String raw, List<String> allowed) {
    if (raw == null) {
      return null;
    }
    String v = raw.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
    if (allowed.contains(v)) {
      return v;
    }
    if (v.endsWith("s") && allowed.contains(v.substring(0, v.length() - 1))) {
      return v.substring(0, v.length() - 1);
    }
    if (allowed.contains(v + "s")) {
      return v + "s";
    }
    return null;
  }
}
