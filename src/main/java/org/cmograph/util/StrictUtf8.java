package org.cmograph.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 that refuses what is not UTF-8. Java's usual readers replace a bad byte with U+FFFD without
 * a word, which would put a character in a quote or a source text that the file does not hold;
 * every file cmograph reads as text goes through here instead.
 *
 * <pre>
 * try {
 *   String text = StrictUtf8.decode(Files.readAllBytes(file));
 * } catch (StrictUtf8.NotUtf8Exception e) {
 *   // e.offset(): the first byte that is not UTF-8
 * }
 * </pre>
 */
public final class StrictUtf8 {
  private StrictUtf8() {}

  /** Thrown when bytes are not UTF-8; says where the first bad byte is. */
  public static final class NotUtf8Exception extends IOException {
    private final int offset;

    NotUtf8Exception(int offset) {
      super("byte " + offset + " is not valid UTF-8");
      this.offset = offset;
    }

    /** The offset of the first byte that is not UTF-8. */
    public int offset() {
      return offset;
    }
  }

  /** A decoder that reports malformed and unmappable input instead of replacing it. */
  public static CharsetDecoder decoder() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** The text of {@code bytes}; a byte-order mark, if any, is kept. */
  public static String decode(byte[] bytes) throws NotUtf8Exception {
    CharsetDecoder decoder = decoder();
    ByteBuffer in = ByteBuffer.wrap(bytes);
    // UTF-8 never gives more chars than bytes; the one spare char lets the decoder finish.
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw new NotUtf8Exception(in.position());
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  /** A reader of {@code in} whose reads fail (with an IOException) at the first bad byte. */
  public static Reader reader(InputStream in) {
    return new InputStreamReader(in, decoder());
  }
}
