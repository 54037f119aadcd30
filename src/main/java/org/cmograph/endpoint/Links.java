package org.cmograph.endpoint;

/**
 * The site's linking rule: an IRI under {@code https://w3id.org/cmograph/} links to the same path
 * on this server (where the linked-data pages answer it); a DOI links to {@code https://doi.org/};
 * any other address is returned unchanged.
 *
 * <pre>
 * Links.link("https://w3id.org/cmograph/id/peer-2024")  // "/id/peer-2024"
 * Links.doi("10.1186/s12888-024-05544-x")               // "https://doi.org/10.1186/s12888-024-05544-x"
 * </pre>
 */
public final class Links {
  /** Every cmograph IRI starts with this. */
  public static final String BASE = "https://w3id.org/cmograph/";

  private Links() {}

  /** The local path of a cmograph IRI ({@code /id/...}); any other IRI unchanged. */
  public static String link(String iri) {
    return iri.startsWith(BASE) ? iri.substring(BASE.length() - 1) : iri;
  }

  /**
   * The cmograph IRI served at a local path ({@code /id/x} -> {@code
   * https://w3id.org/cmograph/id/x}).
   */
  public static String iri(String path) {
    return BASE + (path.startsWith("/") ? path.substring(1) : path);
  }

  /** The resolver address of a DOI (a bare {@code 10.} name or one already written as a URL). */
  public static String doi(String doi) {
    String d = doi.strip();
    if (d.startsWith("https://doi.org/") || d.startsWith("http://doi.org/")) {
      return d;
    }
    if (d.regionMatches(true, 0, "doi:", 0, 4)) {
      d = d.substring(4);
    }
    return "https://doi.org/" + d;
  }
}
