package org.cmograph.rdf;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** cmograph's version, from the build, recorded in every extraction's provenance. */
public final class Version {
  private Version() {}

  public static String current() {
    try (InputStream in = Version.class.getResourceAsStream("/org/cmograph/version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
