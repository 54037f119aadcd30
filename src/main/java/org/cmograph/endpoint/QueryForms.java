package org.cmograph.endpoint;

import static org.cmograph.endpoint.SitePage.esc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.cmograph.query.ParamKind;
import org.cmograph.query.ParamValues;
import org.cmograph.query.QueryParam;

/**
 * The form that runs a catalogue query on the query page: one field per parameter, offering the
 * valid values with their labels, and a Run button that opens {@code /query?name=NAME&PARAM=VALUE
 * &format=table}, an address that can be shared and reloaded.
 */
final class QueryForms {
  private QueryForms() {}

  /** The address that runs {@code entry} with {@code values}, shown as a table. */
  static String runLink(CatalogueEntry entry, Map<String, String> values) {
    StringBuilder url = new StringBuilder("/query?name=").append(enc(entry.name()));
    for (QueryParam p : entry.params()) {
      String v = values.get(p.name());
      if (v != null) {
        url.append('&').append(enc(p.name())).append('=').append(enc(v));
      }
    }
    return url.append("&format=table").toString();
  }

  /**
   * The form for {@code entry}, its fields set to {@code values} (a value the store does not hold
   * is left unselected: the page says why).
   */
  static void form(
      StringBuilder h, CatalogueEntry entry, ParamValues valid, Map<String, String> values) {
    String name = esc(entry.name());
    h.append("<form class=\"run-form\" method=\"get\" action=\"/query\" aria-label=\"Run ")
        .append(esc(entry.title()))
        .append("\">\n<input type=\"hidden\" name=\"name\" value=\"")
        .append(name)
        .append("\">\n");
    for (QueryParam p : entry.params()) {
      String id = "f-" + name + "-" + esc(p.name());
      String value = values.getOrDefault(p.name(), "");
      h.append("<div class=\"field\">\n<label for=\"")
          .append(id)
          .append("\">")
          .append(esc(p.name()))
          .append(p.optional() ? " <span class=\"optional\">(optional)</span>" : "")
          .append("</label>\n");
      var options = valid.of(p.kind());
      if (!options.isEmpty()) {
        h.append("<select id=\"")
            .append(id)
            .append("\" name=\"")
            .append(esc(p.name()))
            .append('"')
            .append(p.optional() ? "" : " required")
            .append(" aria-describedby=\"")
            .append(id)
            .append("-help\">\n");
        if (p.optional()) {
          h.append("<option value=\"\">any ")
              .append(p.kind() == ParamKind.MECHANISM ? "mechanism" : "study")
              .append("</option>\n");
        }
        for (ParamValues.Value v : options) {
          h.append("<option value=\"")
              .append(esc(v.id()))
              .append('"')
              .append(v.id().equals(value) ? " selected" : "")
              .append('>')
              .append(esc(v.label()))
              .append(v.label().equals(v.id()) ? "" : " (" + esc(v.id()) + ")")
              .append("</option>\n");
        }
        h.append("</select>\n");
      } else {
        h.append("<input id=\"")
            .append(id)
            .append("\" name=\"")
            .append(esc(p.name()))
            .append('"')
            .append(
                p.kind() == ParamKind.INTEGER ? " type=\"number\" step=\"1\"" : " type=\"text\"")
            .append(" value=\"")
            .append(esc(value))
            .append('"')
            .append(p.optional() ? "" : " required")
            .append(" aria-describedby=\"")
            .append(id)
            .append("-help\">\n");
      }
      h.append("<p class=\"help\" id=\"")
          .append(id)
          .append("-help\">")
          .append(esc(p.description()))
          .append("</p>\n</div>\n");
    }
    h.append("<input type=\"hidden\" name=\"format\" value=\"table\">\n")
        .append("<button type=\"submit\">Run</button>\n</form>\n");
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
