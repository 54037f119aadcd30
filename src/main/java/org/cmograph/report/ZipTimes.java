package org.cmograph.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Zip packages (the Word document) with fixed entry dates, so the same graph gives the same bytes.
 */
final class ZipTimes {
  private ZipTimes() {}

  /**
   * The package {@code docx} with every zip entry dated at the data-as-of date: POI dates entries
   * with the time of writing, which would make two runs on the same graph differ.
   */
  static byte[] fixed(byte[] docx, String date) throws IOException {
    java.time.LocalDateTime when = java.time.LocalDate.parse(date).atStartOfDay();
    ByteArrayOutputStream out = new ByteArrayOutputStream(docx.length);
    try (java.util.zip.ZipInputStream in =
            new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(docx));
        java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
      for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        java.util.zip.ZipEntry copy = new java.util.zip.ZipEntry(e.getName());
        copy.setTimeLocal(when);
        zip.putNextEntry(copy);
        in.transferTo(zip);
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
