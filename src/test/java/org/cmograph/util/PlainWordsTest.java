package org.cmograph.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlainWordsTest {
  @Test
  void accentsCaseAndPunctuationGoWordsStay() {
    assertEquals(
        List.of("peer", "support", "cafe", "2024"), PlainWords.of("  Peer-Support Café, 2024! "));
    assertEquals(List.of("fi", "le"), PlainWords.of("\uFB01 le"), "a ligature is two letters");
    assertEquals(List.of(), PlainWords.of(" — "));
    assertEquals(List.of(), PlainWords.of(null));
  }
}
