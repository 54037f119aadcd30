package org.cmograph.util;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** Text as plain words: accents removed, lower case, every run of other characters a space. */
public final class PlainWords {
  private PlainWords() {}

  /** The words of {@code text} ("Peer-Support Café" gives [peer, support, cafe]); none for null. */
  public static List<String> of(String text) {
    if (text == null) {
      return List.of();
    }
    String plain =
        Normalizer.normalize(text, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", " ")
            .trim();
    return plain.isEmpty() ? List.of() : List.of(plain.split(" "));
  }
}
