package org.cmograph.extraction.imports;

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
 * Writes an imported study as extraction-file text: either a new file (study facts from the command
 * line or the imported file), or an existing file with only its {@code cmocs} and {@code evidence}
 * sections replaced, so the study's facts and the researcher's comments in them stay as they were.
 * The text is read back and compared with what was meant before it is returned.
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
    out.append(sections(d));
    Map<String, Object> extraction = new LinkedHashMap<>();
    extraction.put("extractor", facts.extractor());
    extraction.put("date", facts.date());
    if (facts.notes() != null) {
      extraction.put("notes", facts.notes());
    }
    out.append('\n').append(yaml.topLevel("extraction", extraction));
    String text = out.toString();
    verify(text, d, null);
    return text;
  }

  /**
   * The base file's text with its {@code cmocs} and {@code evidence} replaced, or empty when the
   * base is not block-style YAML with its sections at the left margin (then write a new file).
   */
  public static Optional<String> splice(PositionedDocument base, StudyDraft d) {
    String name = base.file().getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".json") || !base.root().isObject()) {
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
    YamlWriter yaml = new YamlWriter(d.comments());
    Map<String, String> replacement = new LinkedHashMap<>();
    replacement.put("cmocs", yaml.topLevel("cmocs", d.cmocs()));
    replacement.put("evidence", yaml.topLevel("evidence", d.evidence()));
    // Replace from the bottom up so earlier line numbers stay valid.
    List<String> missing = new ArrayList<>(replacement.keySet());
    for (int k = keys.size() - 1; k >= 0; k--) {
      Key key = keys.get(k);
      if (!replacement.containsKey(key.name())) {
        continue;
      }
      missing.remove(key.name());
      int start = key.line() - 1;
      int end = k + 1 < keys.size() ? keys.get(k + 1).line() - 1 : lines.size();
      while (end > start + 1 && isBlankOrComment(lines.get(end - 1))) {
        end--;
      }
      for (int i = end - 1; i >= start; i--) {
        lines.remove(i);
      }
      lines.add(start, replacement.get(key.name()));
    }
    if (!missing.isEmpty()) {
      return Optional.empty();
    }
    String text = String.join("", lines);
    verify(text, d, base.root());
    return Optional.of(text);
  }

  private static boolean isBlankOrComment(String line) {
    String t = line.strip();
    return t.isEmpty() || t.startsWith("#");
  }

  /** The {@code cmocs} and {@code evidence} sections, separated by a blank line. */
  static String sections(StudyDraft d) {
    YamlWriter yaml = new YamlWriter(d.comments());
    return yaml.topLevel("cmocs", d.cmocs()) + "\n" + yaml.topLevel("evidence", d.evidence());
  }

  /** Reads the text back: its CMOCs and evidence must be the draft's, the rest the base's. */
  private static void verify(String text, StudyDraft d, JsonNode base) {
    List<Problem> problems = new ArrayList<>();
    Optional<PositionedDocument> doc =
        new DocumentReader().parse(Path.of(d.id() + ".yaml"), text, problems);
    if (doc.isEmpty()) {
      throw new IllegalStateException("the written extraction does not read back: " + problems);
    }
    ObjectMapper mapper = new ObjectMapper();
    JsonNode root = doc.get().root();
    if (!root.path("cmocs").equals(mapper.valueToTree(d.cmocs()))
        || !root.path("evidence").equals(mapper.valueToTree(d.evidence()))) {
      throw new IllegalStateException("the written extraction reads back differently");
    }
    if (base != null) {
      for (var it = base.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!key.equals("cmocs")
            && !key.equals("evidence")
            && !base.get(key).equals(root.get(key))) {
          throw new IllegalStateException("splicing changed the '" + key + "' section");
        }
      }
    }
  }
}
