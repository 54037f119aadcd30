package org.cmograph.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void quotesOnlyWhatNeedsQuotingAndEndsWithCrlf() {
    assertEquals("a,b\r\n", Csv.line(List.of("a", "b")));
    assertEquals(
        "x,\"b, c\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n",
        Csv.line(List.of("x", "b, c", "say \"hi\"", "two\nlines")));
    assertEquals("a,,c\r\n", Csv.line(Arrays.asList("a", null, "c")));
  }

  @Test
  void whatItWritesReadsBackTheSame() throws Exception {
    List<String> fields =
        List.of(
            "", " leading space", "#hash", "trailing ", "\"quoted\"", "a\r\nb", "café, “curly”");
    List<String> back = new ArrayList<>();
    for (CSVRecord r : Csv.FORMAT.parse(new StringReader(Csv.line(fields)))) {
      r.forEach(back::add);
    }
    assertEquals(fields, back);
  }
}
