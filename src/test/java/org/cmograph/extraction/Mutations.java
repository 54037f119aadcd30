package org.cmograph.extraction;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of extraction files for the fuzz test's deterministic part: byte flips and cuts
 * as any fuzzer makes, and edits a YAML author (or a hostile one) makes: a token dropped in, a line
 * doubled or re-indented, a value swapped for one of another type.
 */
final class Mutations {
  private Mutations() {}

  /** Tokens with a meaning to YAML, JSON, the schema or RDF. */
  static final List<String> TOKENS =
      List.of(
          ": ",
          "- ",
          "[",
          "]",
          "{",
          "}",
          ",",
          "&a ",
          "*a",
          "<<: *a",
          "\"",
          "'",
          "#",
          "\t",
          "\n",
          "---\n",
          "...\n",
          "~",
          "!!str ",
          "!!binary ",
          "? ",
          "|",
          ">-",
          "\\x07",
          "\\uD800",
          "\\0",
          "\u0007",
          "\u00a0",
          "\ufeff",
          "\u200b",
          "\u0430",
          "\ud83d\ude00",
          "\"\"\"",
          ">",
          "<",
          "\\",
          "../",
          "%YAML 1.2\n",
          "1e999999999",
          "2024-02-30",
          ".nan",
          "null",
          "true",
          "0x10",
          "-1",
          "99999999999999999999");

  /** Values that replace the value of a {@code key: value} line. */
  static final List<String> VALUES =
      List.of(
          "",
          "42",
          "2015.0",
          "[]",
          "{}",
          "[a, b]",
          "{a: 1}",
          "true",
          "-3",
          "\"\"",
          "''",
          "2024-02-30",
          "2026-11-22",
          "trust",
          "e1",
          "change",
          "mechanism",
          "services",
          "trusting-relationship",
          "supports",
          "participant",
          "../etc",
          "\"a\\x01b\"",
          "\"\\uDC00\"",
          "'He said \"\"\" -> <b>'",
          "*a",
          "&a x",
          "!!str 1",
          "1e400",
          "Key change mechanisms were",
          "2",
          "1",
          "reasoning",
          "[trust]",
          "[trust, trust]",
          "configuration",
          "outcome-pattern",
          "conditioning",
          "finding",
          "hypothesis",
          "[resource, reasoning]",
          "[reasoning]",
          "context-mechanism",
          "[change, change]");

  static byte[] mutate(byte[] seed, Random random, int edits) {
    byte[] out = seed;
    for (int i = 0; i < edits; i++) {
      out = once(out, random);
    }
    return out;
  }

  private static byte[] once(byte[] in, Random r) {
    if (in.length == 0) {
      return TOKENS.get(r.nextInt(TOKENS.size())).getBytes(StandardCharsets.UTF_8);
    }
    switch (r.nextInt(9)) {
      case 0:
        {
          byte[] out = in.clone();
          out[r.nextInt(out.length)] ^= (byte) (1 << r.nextInt(8));
          return out;
        }
      case 1:
        return insert(in, r.nextInt(in.length + 1), TOKENS.get(r.nextInt(TOKENS.size())));
      case 2:
        {
          int from = r.nextInt(in.length);
          int to = Math.min(in.length, from + 1 + r.nextInt(40));
          return concat(Arrays.copyOfRange(in, 0, from), Arrays.copyOfRange(in, to, in.length));
        }
      case 3:
        return Arrays.copyOf(in, r.nextInt(in.length));
      default:
        return lineEdit(in, r);
    }
  }

  private static byte[] lineEdit(byte[] in, Random r) {
    List<String> lines =
        new ArrayList<>(Arrays.asList(new String(in, StandardCharsets.UTF_8).split("\n", -1)));
    int i = r.nextInt(lines.size());
    String line = lines.get(i);
    switch (r.nextInt(5)) {
      case 0:
        lines.add(i, line);
        break;
      case 1:
        lines.set(i, r.nextBoolean() ? " " + line : line.replaceFirst("^ ", ""));
        break;
      case 2:
        {
          int j = r.nextInt(lines.size());
          lines.set(i, lines.get(j));
          lines.set(j, line);
          break;
        }
      case 3:
        lines.remove(i);
        break;
      default:
        {
          int colon = line.indexOf(": ");
          if (colon >= 0) {
            lines.set(i, line.substring(0, colon + 2) + VALUES.get(r.nextInt(VALUES.size())));
          }
        }
    }
    return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] insert(byte[] in, int at, String token) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(in, 0, at);
    out.writeBytes(token.getBytes(StandardCharsets.UTF_8));
    out.write(in, at, in.length - at);
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
