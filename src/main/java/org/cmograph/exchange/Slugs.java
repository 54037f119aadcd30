package org.cmograph.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cmograph.util.PlainWords;

/** Turns names and descriptions into the short slugs extraction files use as ids. */
final class Slugs {
  private Slugs() {}

  static final java.util.regex.Pattern SLUG =
      java.util.regex.Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private static final Set<String> MINOR =
      Set.of(
          "a", "an", "the", "of", "to", "and", "in", "for", "with", "on", "by", "as", "at", "or",
          "from", "into", "their", "its", "be", "is", "are", "was", "were", "that", "this");

  static boolean isSlug(String s) {
    return s != null && s.length() <= 64 && SLUG.matcher(s).matches();
  }

  /** All words, e.g. "Gillard et al. 2024" → gillard-et-al-2024 (at most 64 characters). */
  static String of(String text) {
    return cut(words(text, false), 64);
  }

  /** The first {@code maxWords} meaningful words, for ids made from descriptions. */
  static String brief(String text, int maxWords) {
    List<String> words = words(text, true);
    if (words.isEmpty()) {
      words = words(text, false);
    }
    return cut(words.subList(0, Math.min(maxWords, words.size())), 40);
  }

  private static List<String> words(String text, boolean dropMinor) {
    List<String> out = new ArrayList<>();
    for (String w : PlainWords.of(text)) {
      if (!dropMinor || !MINOR.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }

  private static String cut(List<String> words, int max) {
    StringBuilder out = new StringBuilder();
    for (String w : words) {
      if (out.length() > 0 && out.length() + 1 + w.length() > max) {
        break;
      }
      if (out.length() > 0) {
        out.append('-');
      }
      out.append(w.length() > max ? w.substring(0, max) : w);
    }
    return out.toString();
  }
}
