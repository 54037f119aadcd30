package org.cmograph.exchange;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.cmograph.extraction.Position;
import org.cmograph.extraction.Problem;

/** A streaming (StAX) read of project.qde, with positions, that refuses DTDs. */
final class QdpxXml {
  final Path file;
  final List<Problem> problems;
  final Map<String, QdpxProject.Code> codes = new LinkedHashMap<>();
  final List<QdpxProject.TextSource> sources = new ArrayList<>();

  /**
   * @param file the archive; problems are placed in its project.qde entry
   */
  QdpxXml(Path file, List<Problem> problems) {
    this.file = file.resolve(QdpxProject.PROJECT_ENTRY);
    this.problems = problems;
  }

  static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    f.setXMLResolver(
        (publicId, systemId, base, ns) -> {
          throw new XMLStreamException("external entity refused: " + systemId);
        });
    return f;
  }

  /** An open text source (TextSource, or a PDF's plain-text Representation) and its selections. */
  private static final class OpenSource {
    final String guid;
    final String name;
    final String plainTextPath;
    final Position at;
    final List<QdpxProject.Selection> selections = new ArrayList<>();
    StringBuilder content;

    OpenSource(String guid, String name, String plainTextPath, Position at) {
      this.guid = guid;
      this.name = name;
      this.plainTextPath = plainTextPath;
      this.at = at;
    }
  }

  private static final class OpenSelection {
    String guid;
    String name;
    int start;
    int end;
    Position at;
    final List<String> codes = new ArrayList<>();
    StringBuilder description;
  }

  void parse(byte[] xml) {
    Deque<String> codePath = new ArrayDeque<>();
    Deque<OpenSource> openSources = new ArrayDeque<>();
    String pdfName = null;
    OpenSelection selection = null;
    StringBuilder text = null;
    XMLStreamReader r = null;
    try {
      r = factory().createXMLStreamReader(new ByteArrayInputStream(xml));
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.DTD) {
          problems.add(
              Problem.error(
                  file,
                  at(r),
                  "QDPX-XML",
                  "project.qde declares a DTD; refused (a REFI-QDA project needs none, and a DTD"
                      + " could make a reader fetch external files)"));
          return;
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
          problems.add(
              Problem.error(
                  file,
                  at(r),
                  "QDPX-XML",
                  "project.qde uses the entity '&" + r.getLocalName() + ";'; refused"));
          return;
        }
        if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
          if (text != null) {
            text.append(r.getText());
          }
          continue;
        }
        if (event == XMLStreamConstants.START_ELEMENT) {
          String el = r.getLocalName();
          switch (el) {
            case "Code" -> {
              String name = attr(r, "name");
              codePath.push(name == null ? "?" : name.replace("/", "\u2215"));
              String guid = attr(r, "guid");
              if (guid != null) {
                List<String> names = new ArrayList<>(codePath);
                java.util.Collections.reverse(names);
                codes.put(
                    guid.toUpperCase(Locale.ROOT),
                    new QdpxProject.Code(guid, name, String.join("/", names), at(r)));
              }
            }
            case "PDFSource" -> pdfName = attr(r, "name");
            case "TextSource", "Representation" -> {
              String name = attr(r, "name");
              if (name == null) {
                name = pdfName;
              }
              openSources.push(
                  new OpenSource(attr(r, "guid"), name, attr(r, "plainTextPath"), at(r)));
            }
            case "PlainTextContent" -> {
              if (!openSources.isEmpty()) {
                openSources.peek().content = new StringBuilder();
                text = openSources.peek().content;
              }
            }
            case "PlainTextSelection" -> {
              selection = new OpenSelection();
              selection.guid = attr(r, "guid");
              selection.name = attr(r, "name");
              selection.at = at(r);
              selection.start = position(r, "startPosition");
              selection.end = position(r, "endPosition");
            }
            case "Description" -> {
              if (selection != null) {
                selection.description = new StringBuilder();
                text = selection.description;
              }
            }
            case "CodeRef" -> {
              String target = attr(r, "targetGUID");
              if (selection != null && target != null) {
                selection.codes.add(target.toUpperCase(Locale.ROOT));
              }
            }
            default -> {}
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          String el = r.getLocalName();
          switch (el) {
            case "Code" -> codePath.pop();
            case "PDFSource" -> pdfName = null;
            case "TextSource", "Representation" -> {
              OpenSource s = openSources.pop();
              sources.add(
                  new QdpxProject.TextSource(
                      s.guid,
                      s.name == null ? s.guid : s.name,
                      s.plainTextPath,
                      s.content == null ? null : s.content.toString(),
                      List.copyOf(s.selections),
                      s.at));
            }
            case "PlainTextContent", "Description" -> text = null;
            case "PlainTextSelection" -> {
              if (selection != null
                  && !openSources.isEmpty()
                  && selection.start >= 0
                  && selection.end >= 0) {
                openSources
                    .peek()
                    .selections
                    .add(
                        new QdpxProject.Selection(
                            selection.guid,
                            selection.name,
                            selection.start,
                            selection.end,
                            List.copyOf(selection.codes),
                            selection.description == null
                                ? null
                                : selection.description.toString().strip(),
                            selection.at));
              }
              selection = null;
            }
            default -> {}
          }
        }
      }
    } catch (XMLStreamException e) {
      Position p =
          e.getLocation() == null
              ? Position.START
              : new Position(
                  Math.max(1, e.getLocation().getLineNumber()),
                  Math.max(1, e.getLocation().getColumnNumber()));
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      problems.add(
          Problem.error(
              file,
              p,
              "QDPX-XML",
              "project.qde is not well-formed XML: "
                  + message.replaceAll(
                      "^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "")));
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // Closing a reader over a byte array cannot fail in a way that matters here.
        }
      }
    }
  }

  private int position(XMLStreamReader r, String name) {
    String v = attr(r, name);
    try {
      int n = Integer.parseInt(v == null ? "" : v.strip());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(
        Problem.error(
            file,
            at(r),
            "QDPX-BAD-POSITION",
            "selection '"
                + attr(r, "guid")
                + "' has "
                + name
                + "='"
                + v
                + "', which is not a character position"));
    return -1;
  }

  private static String attr(XMLStreamReader r, String name) {
    for (int i = 0; i < r.getAttributeCount(); i++) {
      if (r.getAttributeLocalName(i).equals(name)) {
        return r.getAttributeValue(i);
      }
    }
    return null;
  }

  private static Position at(XMLStreamReader r) {
    var l = r.getLocation();
    return new Position(Math.max(1, l.getLineNumber()), Math.max(1, l.getColumnNumber()));
  }
}
