package org.cmograph.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestTest {
  @Test
  void aSwapOfTwoLettersIsOneEdit() {
    assertEquals(1, Suggest.distance("qoute", "quote"));
    assertEquals(1, Suggest.distance("ab", "ba"));
    assertEquals(3, Suggest.distance("kitten", "sitting"));
    assertEquals(0, Suggest.distance("", ""));
    assertEquals(4, Suggest.distance("", "abcd"));
  }

  @Test
  void suggestsTheClosestPlausibleWordIgnoringCase() {
    List<String> words = List.of("quote", "location", "stance");
    assertEquals("; did you mean 'quote'?", Suggest.didYouMean("Qoute", words));
    assertEquals("location", Suggest.closest("locaiton", words));
    assertEquals(null, Suggest.closest("mechanism", words));
    assertEquals("", Suggest.didYouMean(null, words));
  }
}
