package org.cmograph.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A word-level Markov chain (each word chosen by the word before it) learnt from real texts, so
 * synthetic text has the vocabulary, word lengths and punctuation of the bundled sources without
 * copying them. Deterministic: the same random numbers give the same words.
 */
final class WordChain {
  private final List<String> vocabulary = new ArrayList<>();
  private final Map<String, Integer> index = new HashMap<>();
  private final List<int[]> successors = new ArrayList<>();
  private final int[] sentenceStarts;

  WordChain(List<String> texts) {
    List<List<Integer>> next = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    for (String text : texts) {
      int previous = -1;
      for (String word : split(text)) {
        int id =
            index.computeIfAbsent(
                word,
                w -> {
                  vocabulary.add(w);
                  next.add(new ArrayList<>());
                  return vocabulary.size() - 1;
                });
        if (previous < 0 || endsSentence(vocabulary.get(previous))) {
          if (Character.isUpperCase(word.charAt(0))) {
            starts.add(id);
          }
        }
        if (previous >= 0) {
          next.get(previous).add(id);
        }
        previous = id;
      }
    }
    if (vocabulary.isEmpty()) {
      throw new IllegalArgumentException("no words to learn from");
    }
    for (List<Integer> n : next) {
      successors.add(n.stream().mapToInt(Integer::intValue).toArray());
    }
    sentenceStarts =
        starts.isEmpty() ? new int[] {0} : starts.stream().mapToInt(Integer::intValue).toArray();
  }

  static String[] split(String text) {
    String t = text.strip();
    return t.isEmpty() ? new String[0] : t.split("\\s+");
  }

  static int countWords(String text) {
    return text == null ? 0 : split(text).length;
  }

  private static boolean endsSentence(String word) {
    char last = word.charAt(word.length() - 1);
    return last == '.' || last == '?' || last == '!';
  }

  /** {@code n} words of running text, starting a sentence. */
  List<String> words(Random random, int n) {
    List<String> out = new ArrayList<>(n);
    int current = sentenceStarts[random.nextInt(sentenceStarts.length)];
    for (int i = 0; i < n; i++) {
      out.add(vocabulary.get(current));
      int[] options = successors.get(current);
      current =
          options.length == 0
              ? sentenceStarts[random.nextInt(sentenceStarts.length)]
              : options[random.nextInt(options.length)];
    }
    return out;
  }

  /** A phrase of {@code n} words (at least one), without a dangling final full stop or comma. */
  String phrase(Random random, int n) {
    String s = String.join(" ", words(random, Math.max(1, n)));
    while (!s.isEmpty() && ",;:(".indexOf(s.charAt(s.length() - 1)) >= 0) {
      s = s.substring(0, s.length() - 1);
    }
    return s.isEmpty() ? "text" : s;
  }
}
