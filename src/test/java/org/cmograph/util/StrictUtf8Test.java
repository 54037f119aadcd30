package org.cmograph.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictUtf8Test {
  @Test
  void decodesUtf8AsItIs() throws IOException {
    String text = "\uFEFFcafé – “quoted” \uD83D\uDE00\n";
    assertEquals(text, StrictUtf8.decode(text.getBytes(StandardCharsets.UTF_8)));
    assertEquals("", StrictUtf8.decode(new byte[0]));
  }

  @Test
  void namesTheFirstByteThatIsNotUtf8() {
    byte[] latin1 = "ab café".getBytes(StandardCharsets.ISO_8859_1);
    StrictUtf8.NotUtf8Exception e =
        assertThrows(StrictUtf8.NotUtf8Exception.class, () -> StrictUtf8.decode(latin1));
    assertEquals(6, e.offset());
    // A sequence cut short at the end is not UTF-8 either.
    byte[] cut = {'a', (byte) 0xE2, (byte) 0x80};
    assertEquals(
        1, assertThrows(StrictUtf8.NotUtf8Exception.class, () -> StrictUtf8.decode(cut)).offset());
  }

  @Test
  void theReaderFailsInsteadOfReplacing() {
    byte[] bad = {'o', 'k', (byte) 0xFF, 'x'};
    assertThrows(
        IOException.class,
        () -> {
          try (Reader r = StrictUtf8.reader(new ByteArrayInputStream(bad))) {
            while (r.read() >= 0) {}
          }
        });
  }
}
