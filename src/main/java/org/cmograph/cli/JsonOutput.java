package org.cmograph.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cmograph.extraction.Problem;

/**
 * The {@code --json} output of load and import: one JSON object on standard output, for scripts.
 */
final class JsonOutput {
  private JsonOutput() {}

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static List<Map<String, Object>> problems(List<Problem> problems) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Problem p : problems) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", p.file() == null ? null : Workspace.shown(p.file()).toString());
      m.put("line", p.line());
      m.put("column", p.column());
      m.put("severity", p.severity().name().toLowerCase(java.util.Locale.ROOT));
      m.put("code", p.code());
      m.put("message", p.message());
      out.add(m);
    }
    return out;
  }

  static void print(PrintWriter out, Map<String, Object> value) {
    try {
      out.println(MAPPER.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    out.flush();
  }
}
