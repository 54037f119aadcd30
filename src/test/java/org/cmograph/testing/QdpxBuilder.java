package org.cmograph.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a small REFI-QDA project (.qdpx) from a real source text, the way a researcher's NVivo,
 * ATLAS.ti or MAXQDA export looks: {@code project.qde} with a codebook (codes nested by path), one
 * text source with its coded plain-text selections, and the text under {@code sources/}. A
 * selection is given by its quote, and its character positions are computed from the text, so the
 * fixture never holds a hand-typed offset. GUIDs derive from names and the zip entries carry a
 * fixed time, so the same input gives the same archive.
 *
 * <pre>
 * QdpxBuilder b = new QdpxBuilder("Gillard 2024 coding");
 * b.source("gillard-2024-implementation", text);
 * b.code("The supervisor role was well resourced", "Contexts/Well-resourced supervision");
 * b.write(Path.of("gillard-2024.qdpx"));
 * </pre>
 */
public final class QdpxBuilder {
  private final String projectName;
  private final Map<String, Node> codes = new LinkedHashMap<>();
  private final List<Selection> selections = new ArrayList<>();
  private String sourceName;
  private String text;
  private String projectXmlOverride;

  private record Selection(String quote, int start, int end, List<String> codes, String memo) {}

  private static final class Node {
    final String name;
    final String path;
    final Map<String, Node> children = new LinkedHashMap<>();

    Node(String name, String path) {
      this.name = name;
      this.path = path;
    }
  }

  public QdpxBuilder(String projectName) {
    this.projectName = projectName;
  }

  public QdpxBuilder source(String name, String plainText) {
    this.sourceName = name;
    this.text = plainText;
    return this;
  }

  /** Declares a code by its path ("Contexts/Rural areas"), parents included. */
  public QdpxBuilder declare(String path) {
    node(path);
    return this;
  }

  /** Codes the first occurrence of {@code quote} in the source with the given code paths. */
  public QdpxBuilder code(String quote, String... codePaths) {
    return codeWithMemo(quote, null, codePaths);
  }

  public QdpxBuilder codeWithMemo(String quote, String memo, String... codePaths) {
    int at = text.indexOf(quote);
    if (at < 0) {
      throw new IllegalArgumentException("not in the source: " + quote);
    }
    // REFI-QDA counts positions in characters (code points), not UTF-16 units.
    int start = text.codePointCount(0, at);
    int end = start + quote.codePointCount(0, quote.length());
    for (String p : codePaths) {
      node(p);
    }
    selections.add(new Selection(quote, start, end, List.of(codePaths), memo));
    return this;
  }

  /** A selection at explicit positions (for tests of bad positions). */
  public QdpxBuilder codeAt(int start, int end, String... codePaths) {
    for (String p : codePaths) {
      node(p);
    }
    selections.add(new Selection(null, start, end, List.of(codePaths), null));
    return this;
  }

  /** Replaces project.qde by this text (for tests of hostile or broken XML). */
  public QdpxBuilder projectXml(String xml) {
    this.projectXmlOverride = xml;
    return this;
  }

  private Node node(String path) {
    Map<String, Node> level = codes;
    Node n = null;
    StringBuilder sofar = new StringBuilder();
    for (String part : path.split("/")) {
      sofar.append(sofar.length() == 0 ? "" : "/").append(part);
      String p = sofar.toString();
      n = level.computeIfAbsent(part, k -> new Node(k, p));
      level = n.children;
    }
    return n;
  }

  static String guid(String kind, String name) {
    return UUID.nameUUIDFromBytes((kind + ":" + name).getBytes(StandardCharsets.UTF_8))
        .toString()
        .toUpperCase(Locale.ROOT);
  }

  public String projectXml() {
    if (projectXmlOverride != null) {
      return projectXmlOverride;
    }
    String user = guid("user", "cmograph tests");
    String sourceGuid = guid("source", sourceName);
    StringBuilder x = new StringBuilder();
    x.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.append("<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"")
        .append(esc(projectName))
        .append("\" origin=\"cmograph QdpxBuilder\" creatingUserGUID=\"")
        .append(user)
        .append("\">\n");
    x.append("  <Users>\n    <User guid=\"")
        .append(user)
        .append("\" name=\"cmograph tests\"/>\n  </Users>\n");
    x.append("  <CodeBook>\n    <Codes>\n");
    for (Node n : codes.values()) {
      code(x, n, 6);
    }
    x.append("    </Codes>\n  </CodeBook>\n");
    x.append("  <Sources>\n");
    x.append("    <TextSource guid=\"")
        .append(sourceGuid)
        .append("\" name=\"")
        .append(esc(sourceName))
        .append("\" plainTextPath=\"internal://")
        .append(sourceGuid)
        .append(".txt\">\n");
    for (Selection s : selections) {
      String id = guid("selection", s.start + "-" + s.end + ":" + String.join(",", s.codes));
      x.append("      <PlainTextSelection guid=\"")
          .append(id)
          .append("\" name=\"")
          .append(esc(s.quote == null ? "selection" : abbreviate(s.quote)))
          .append("\" startPosition=\"")
          .append(s.start)
          .append("\" endPosition=\"")
          .append(s.end)
          .append("\" creatingUser=\"")
          .append(user)
          .append("\">\n");
      if (s.memo != null) {
        x.append("        <Description>").append(esc(s.memo)).append("</Description>\n");
      }
      for (String c : s.codes) {
        x.append("        <Coding guid=\"")
            .append(guid("coding", id + c))
            .append("\" creatingUser=\"")
            .append(user)
            .append("\">\n          <CodeRef targetGUID=\"")
            .append(guid("code", c))
            .append("\"/>\n        </Coding>\n");
      }
      x.append("      </PlainTextSelection>\n");
    }
    x.append("    </TextSource>\n  </Sources>\n</Project>\n");
    return x.toString();
  }

  private static void code(StringBuilder x, Node n, int indent) {
    String pad = " ".repeat(indent);
    x.append(pad)
        .append("<Code guid=\"")
        .append(guid("code", n.path))
        .append("\" name=\"")
        .append(esc(n.name))
        .append("\" isCodable=\"true\"");
    if (n.children.isEmpty()) {
      x.append("/>\n");
      return;
    }
    x.append(">\n");
    for (Node c : n.children.values()) {
      code(x, c, indent + 2);
    }
    x.append(pad).append("</Code>\n");
  }

  /** Writes the archive: project.qde, then sources/GUID.txt. */
  public void write(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    FileTime fixed = FileTime.fromMillis(946684800000L);
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      ZipEntry project = new ZipEntry("project.qde");
      project.setLastModifiedTime(fixed);
      zip.putNextEntry(project);
      zip.write(projectXml().getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      if (text != null) {
        ZipEntry source = new ZipEntry("sources/" + guid("source", sourceName) + ".txt");
        source.setLastModifiedTime(fixed);
        zip.putNextEntry(source);
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
