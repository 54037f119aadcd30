package org.cmograph.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cmograph.extraction.DocumentReader;
import org.cmograph.extraction.Position;
import org.cmograph.extraction.PositionedDocument;
import org.cmograph.extraction.Problem;

/**
 * Writes an imported study as format 2 extraction-file text: either a new file (study facts from
 * the command line or the imported file), or an existing format 2 file with only its {@code
 * contexts}, {@code outcomes}, {@code cmocs} and {@code evidence} sections replaced (and actors it
 * lacks added), so the study's facts and the researcher's comments in them stay as they were. The
 * text is read back and compared with what was meant before it is returned.
 */
public final class ExtractionFileWriter {
  private ExtractionFileWriter() {}

  /** What a new file says about the study beyond its CMOCs. */
  public record StudyFacts(
      String title,
      String sourceFile,
      String sourceUnavailableReason,
      String extractor,
      String date,
      String notes) {}

  /** A new extraction file. */
  public static String newFile(
      StudyDraft d, StudyFacts facts, String schemaRef, List<String> intro) {
    StringBuilder out = new StringBuilder();
    out.append("# yaml-language-server: $schema=").append(schemaRef).append('\n');
    for (String line : intro) {
      out.append("# ").append(line).append('\n');
    }
    out.append('\n');
    out.append("format: 2\n\n");
    YamlWriter yaml = new YamlWriter(d.comments());
    Map<String, Object> study = new LinkedHashMap<>();
    study.put("id", d.id());
    study.put("title", facts.title());
    out.append(yaml.topLevel("study", study)).append('\n');
    Map<String, Object> source = new LinkedHashMap<>();
    if (facts.sourceFile() != null) {
      source.put("file", facts.sourceFile());
    } else {
      source.put("unavailable_reason", facts.sourceUnavailableReason());
    }
    out.append(yaml.topLevel("source", source)).append('\n');
    out.append(sections(d, d.section("actors")));
    Map<String, Object> extraction = new LinkedHashMap<>();
    extraction.put("extractor", facts.extractor());
    extraction.put("date", facts.date());
    if (facts.notes() != null) {
      extraction.put("notes", facts.notes());
    }
    out.append('\n').append(yaml.topLevel("extraction", extraction));
    String text = out.toString();
    verify(text, d, null, d.section("actors"));
    return text;
  }

  /**
   * The base file's text with its {@code contexts}, {@code outcomes}, {@code cmocs} and {@code
   * evidence} replaced and the draft's actors that it lacks added to its {@code actors}, or empty
   * when the base is not block-style YAML with its sections at the left margin (then write a new
   * file). The base must be a format 2 file.
   */
  public static Optional<String> splice(PositionedDocument base, StudyDraft d) {
    String name = base.file().getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".json") || !base.root().isObject() || !base.root().has("cmocs")) {
      return Optional.empty();
    }
    List<String> lines = new ArrayList<>(List.of(base.text().split("(?<=\n)", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    if (!lines.isEmpty() && !lines.get(lines.size() - 1).endsWith("\n")) {
      lines.set(lines.size() - 1, lines.get(lines.size() - 1) + "\n");
    }
    record Key(String name, int line) {}
    List<Key> keys = new ArrayList<>();
    for (var it = base.root().fieldNames(); it.hasNext(); ) {
      String key = it.next();
      Position p = base.keyAt("/" + key);
      if (p.column() != 1
          || p.line() < 1
          || p.line() > lines.size()
          || !lines.get(p.line() - 1).startsWith(key)) {
        return Optional.empty();
      }
      keys.add(new Key(key, p.line()));
    }
    keys.sort(Comparator.comparingInt(Key::line));
    List<Map<String, Object>> actors = actors(base.root(), d);
    int added = actors.size() - base.root().path("actors").size();
    YamlWriter yaml = new YamlWriter(d.comments());
    // Where the base has no contexts or outcomes (or actors to add to), they go before its cmocs.
    Map<String, String> replacement = new LinkedHashMap<>();
    StringBuilder beforeCmocs = new StringBuilder();
    for (String section : StudyDraft.SECTIONS) {
      boolean inBase = base.root().has(section);
      if (section.equals("actors")) {
        if (added > 0 && !inBase) {
          beforeCmocs.append(yaml.topLevel(section, actors)).append('\n');
        }
        continue; // the base's actors stay as written; new ones are appended below
      }
      List<Map<String, Object>> value = d.section(section);
      if (value.isEmpty() && !section.equals("cmocs") && !section.equals("evidence")) {
        if (inBase) {
          replacement.put(section, "");
        }
        continue;
      }
      String text = yaml.topLevel(section, value);
      if (inBase) {
        replacement.put(section, text);
      } else if (!section.equals("evidence")) {
        beforeCmocs.append(text).append('\n');
      } else {
        return Optional.empty();
      }
    }
    replacement.put("cmocs", beforeCmocs + replacement.get("cmocs"));
    // Replace from the bottom up so earlier line numbers stay valid.
    for (int k = keys.size() - 1; k >= 0; k--) {
      Key key = keys.get(k);
      int start = key.line() - 1;
      int end = k + 1 < keys.size() ? keys.get(k + 1).line() - 1 : lines.size();
      while (end > start + 1 && isBlankOrComment(lines.get(end - 1))) {
        end--;
      }
      if (key.name().equals("actors") && added > 0) {
        // The new actors follow the base's, whose lines and comments are kept.
        String items = new YamlWriter(Map.of()).topLevel("actors", actors);
        int skip = 0;
        for (int i = 0; i <= actors.size() - added; i++) {
          skip = items.indexOf("\n  - ", skip + 1);
        }
        lines.add(end, items.substring(skip + 1));
        continue;
      }
      if (!replacement.containsKey(key.name())) {
        continue;
      }
      String text = replacement.get(key.name());
      if (text.isEmpty()) {
        // a section dropped whole takes its blank lines with it
        while (end < lines.size() && lines.get(end).isBlank()) {
          end++;
        }
      }
      for (int i = end - 1; i >= start; i--) {
        lines.remove(i);
      }
      if (!text.isEmpty()) {
        lines.add(start, text);
      }
    }
    String text = String.join("", lines);
    verify(text, d, base.root(), actors);
    return Optional.of(text);
  }

  /** The base's actors followed by the draft's actors whose ids it does not have. */
  private static List<Map<String, Object>> actors(JsonNode base, StudyDraft d) {
    ObjectMapper mapper = new ObjectMapper();
    List<Map<String, Object>> out = new ArrayList<>();
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (JsonNode a : base.path("actors")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> actor = mapper.convertValue(a, LinkedHashMap.class);
      out.add(actor);
      ids.add(a.path("id").asText());
    }
    for (Map<String, Object> a : d.section("actors")) {
      if (ids.add((String) a.get("id"))) {
        out.add(a);
      }
    }
    return out;
  }

  private static boolean isBlankOrComment(String line) {
    String t = line.strip();
    return t.isEmpty() || t.startsWith("#");
  }

  /** The draft's sections (with these actors), each followed by a blank line but the last. */
  static String sections(StudyDraft d, List<Map<String, Object>> actors) {
    YamlWriter yaml = new YamlWriter(d.comments());
    List<String> parts = new ArrayList<>();
    for (String section : StudyDraft.SECTIONS) {
      List<Map<String, Object>> value = "actors".equals(section) ? actors : d.section(section);
      if (!value.isEmpty() || section.equals("cmocs") || section.equals("evidence")) {
        parts.add(yaml.topLevel(section, value));
      }
    }
    return String.join("\n", parts);
  }

  /** Reads the text back: its imported sections must be the draft's, the rest the base's. */
  private static void verify(
      String text, StudyDraft d, JsonNode base, List<Map<String, Object>> actors) {
    List<Problem> problems = new ArrayList<>();
    Optional<PositionedDocument> doc =
        new DocumentReader().parse(Path.of(d.id() + ".yaml"), text, problems);
    if (doc.isEmpty()) {
      throw new IllegalStateException("the written extraction does not read back: " + problems);
    }
    ObjectMapper mapper = new ObjectMapper();
    JsonNode root = doc.get().root();
    for (String section : StudyDraft.SECTIONS) {
      List<Map<String, Object>> value = "actors".equals(section) ? actors : d.section(section);
      JsonNode written = root.path(section);
      JsonNode meant = mapper.valueToTree(value);
      if (!(written.isMissingNode() && value.isEmpty()) && !written.equals(meant)) {
        throw new IllegalStateException(
            "the written extraction's '" + section + "' section reads back differently");
      }
    }
    if (!root.path("format").canConvertToExactIntegral() || root.path("format").asInt() != 2) {
      throw new IllegalStateException("the written extraction is not format 2");
    }
    if (base != null) {
      for (var it = base.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!StudyDraft.SECTIONS.contains(key) && !base.get(key).equals(root.get(key))) {
          throw new IllegalStateException("splicing changed the '" + key + "' section");
        }
      }
    }
  }
}
