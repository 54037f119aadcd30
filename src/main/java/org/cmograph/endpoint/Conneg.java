package org.cmograph.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.jena.riot.Lang;

/**
 * Content negotiation for the linked-data pages: picks, from the formats a resource is offered in,
 * the one the client's {@code Accept} header rates highest (q-values and wildcards as HTTP defines
 * them: the most specific matching range gives a format its q; q=0 refuses it). Ties go to the
 * earlier offered format, so a client that accepts anything ({@code *}{@code /*}, or no header)
 * gets the first. {@code ?format=ttl|jsonld|nt|rdf|html} overrides the header.
 *
 * <pre>
 * Conneg.Format f = Conneg.choose(req.getHeader("Accept"), req.getParameter("format"), Conneg.RESOURCE);
 * if (f == null) { ...406... }
 * </pre>
 */
final class Conneg {
  /** A format a resource can be answered in. */
  enum Format {
    HTML("text/html", null, "html"),
    TURTLE("text/turtle", Lang.TURTLE, "ttl"),
    JSONLD("application/ld+json", Lang.JSONLD, "jsonld"),
    NTRIPLES("application/n-triples", Lang.NTRIPLES, "nt"),
    RDFXML("application/rdf+xml", Lang.RDFXML, "rdf");

    final String mediaType;
    final Lang lang;
    final String parameter;

    Format(String mediaType, Lang lang, String parameter) {
      this.mediaType = mediaType;
      this.lang = lang;
      this.parameter = parameter;
    }

    /** The Content-Type header value. */
    String contentType() {
      return this == JSONLD || this == NTRIPLES || this == RDFXML
          ? mediaType
          : mediaType + "; charset=utf-8";
    }
  }

  /** What a resource IRI offers: HTML for people first, then RDF. */
  static final List<Format> RESOURCE =
      List.of(Format.HTML, Format.TURTLE, Format.JSONLD, Format.NTRIPLES, Format.RDFXML);

  private Conneg() {}

  private record Range(String type, String subtype, double q) {
    /** 3 for an exact match, 2 for type/*, 1 for *{@literal /}*, 0 for none. */
    int match(String mediaType) {
      int slash = mediaType.indexOf('/');
      String t = mediaType.substring(0, slash);
      String s = mediaType.substring(slash + 1);
      if (type.equals("*") && subtype.equals("*")) {
        return 1;
      }
      if (!type.equals(t)) {
        return 0;
      }
      return subtype.equals("*") ? 2 : subtype.equals(s) ? 3 : 0;
    }
  }

  /**
   * The format to answer in, or null when the client accepts none of {@code offered} (406).
   *
   * @param accept the Accept header, or null (anything goes)
   * @param parameter the {@code format} query parameter, or null; an unknown value gives null
   */
  static Format choose(String accept, String parameter, List<Format> offered) {
    if (parameter != null && !parameter.isBlank()) {
      for (Format f : offered) {
        if (f.parameter.equalsIgnoreCase(parameter.strip())) {
          return f;
        }
      }
      return null;
    }
    if (accept == null || accept.isBlank()) {
      return offered.get(0);
    }
    List<Range> ranges = parse(accept);
    Format best = null;
    double bestQ = 0;
    for (Format f : offered) {
      double q = quality(ranges, f.mediaType);
      // text/html also answers application/xhtml+xml; JSON-LD also application/json
      if (f == Format.HTML) {
        q = Math.max(q, explicitQuality(ranges, "application/xhtml+xml"));
      } else if (f == Format.JSONLD) {
        q = Math.max(q, explicitQuality(ranges, "application/json"));
      } else if (f == Format.NTRIPLES) {
        q = Math.max(q, explicitQuality(ranges, "text/plain") * 0.99);
      }
      if (q > bestQ) {
        best = f;
        bestQ = q;
      }
    }
    return best;
  }

  private static double quality(List<Range> ranges, String mediaType) {
    int specificity = 0;
    double q = 0;
    for (Range r : ranges) {
      int m = r.match(mediaType);
      if (m > specificity) {
        specificity = m;
        q = r.q();
      }
    }
    return q;
  }

  /** The q of a range naming exactly {@code mediaType}, 0 when none does. */
  private static double explicitQuality(List<Range> ranges, String mediaType) {
    for (Range r : ranges) {
      if (r.match(mediaType) == 3) {
        return r.q();
      }
    }
    return 0;
  }

  private static List<Range> parse(String accept) {
    List<Range> out = new ArrayList<>();
    for (String part : accept.split(",")) {
      String[] pieces = part.split(";");
      String media = pieces[0].strip().toLowerCase(Locale.ROOT);
      int slash = media.indexOf('/');
      if (slash <= 0 || slash == media.length() - 1) {
        continue; // not a media range: ignored
      }
      double q = 1;
      for (int i = 1; i < pieces.length; i++) {
        String p = pieces[i].strip();
        if (p.startsWith("q=") || p.startsWith("Q=")) {
          try {
            q = Math.max(0, Math.min(1, Double.parseDouble(p.substring(2).strip())));
          } catch (NumberFormatException e) {
            q = 0;
          }
        }
      }
      out.add(new Range(media.substring(0, slash), media.substring(slash + 1), q));
    }
    return out;
  }
}
