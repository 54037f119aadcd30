package org.cmograph.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cmograph.extraction.DocumentReader;
import org.cmograph.extraction.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever a cell holds, the written YAML reads back as the same string. */
class YamlWriterTest {
  static JsonNode readBack(String yaml) {
    List<Problem> problems = new ArrayList<>();
    return new DocumentReader()
        .parse(Path.of("x.yaml"), yaml, problems)
        .orElseThrow(() -> new AssertionError(problems + "\n" + yaml))
        .root();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "yes",
        "No",
        "null",
        "~",
        "2024",
        "2026-11-22",
        "1.5e3",
        "a: b",
        "a #b",
        "#start",
        "- dash",
        "'single'",
        "\"double\" start",
        "it's",
        "ends with colon:",
        " leading space",
        "trailing space ",
        "tab\there",
        "line\nbreak",
        "back\\slash",
        "[flow]",
        "{map}",
        "&anchor",
        "*alias",
        "!tag",
        "%directive",
        "@at",
        "`tick",
        "|pipe",
        ">fold",
        "? question",
        "Ünïcödé “curly” ‘quotes’ — dash",
        "\u2028separator",
        "x\u0007bell",
        "A long quote of more than eighty characters, with commas, semicolons; colons: and #"
            + " hashes, folded or not.",
        "A long quote with  two spaces inside it, which folding would change, so it is written on"
            + " one line instead."
      })
  void everyStringReadsBackUnchanged(String value) throws Exception {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("id", "e1");
    item.put("quote", value);
    item.put("about", List.of("mechanism", "rural-areas"));
    String yaml =
        new YamlWriter(Map.of("/evidence/0/quote", "a remark # with a hash"))
            .topLevel("evidence", List.of(item));
    JsonNode back = readBack(yaml);
    assertEquals(new ObjectMapper().valueToTree(List.of(item)), back.get("evidence"), yaml);
  }

  @Test
  void layoutFollowsTheHandWrittenFiles() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("concept", "hope");
    m.put("wording", "A sense of hope by working out new paths to recovery");
    Map<String, Object> cmoc = new LinkedHashMap<>();
    cmoc.put("id", "c1");
    cmoc.put("label", "Hope");
    cmoc.put("mechanism", m);
    String yaml =
        new YamlWriter(Map.of("/cmocs/0/mechanism/concept", "CHECK: chosen by label similarity"))
            .topLevel("cmocs", List.of(cmoc));
    assertEquals(
        "cmocs:\n"
            + "  - id: c1\n"
            + "    label: Hope\n"
            + "    mechanism:\n"
            + "      concept: hope  # CHECK: chosen by label similarity\n"
            + "      wording: A sense of hope by working out new paths to recovery\n",
        yaml);
  }
}
