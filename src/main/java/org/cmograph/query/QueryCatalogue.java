package org.cmograph.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The ready-made queries of {@code queries/*.rq}, by name. A checkout reads its {@code queries/}
 * folder, so an edited or added query is live at once; an installed jar reads the copies packed
 * into it under {@code queries/}, listed from the jar itself so no index has to be kept.
 *
 * <pre>
 * QueryCatalogue catalogue = QueryCatalogue.load(Path.of("queries"));
 * Query q = catalogue.require("evidence-for-mechanism").bind(Map.of("mechanism", "hope"));
 * </pre>
 */
public final class QueryCatalogue {
  /** Where queries live in the jar, and the folder name in a checkout. */
  public static final String RESOURCE_FOLDER = "queries";

  public static final String EXTENSION = ".rq";

  private final TreeMap<String, CatalogueQuery> queries;
  private final String origin;

  private QueryCatalogue(List<CatalogueQuery> queries, String origin) {
    this.queries = new TreeMap<>();
    queries.forEach(q -> this.queries.put(q.name(), q));
    this.origin = origin;
  }

  /** The folder's queries when {@code folder} is a directory, else the ones packed in the jar. */
  public static QueryCatalogue load(Path folder) {
    return folder != null && Files.isDirectory(folder)
        ? fromFolder(folder)
        : fromClasspath(QueryCatalogue.class.getClassLoader());
  }

  /** Every {@code *.rq} directly in {@code folder}. */
  public static QueryCatalogue fromFolder(Path folder) {
    List<CatalogueQuery> list = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        if (Files.isRegularFile(file) && file.getFileName().toString().endsWith(EXTENSION)) {
          list.add(readFile(file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read queries from " + folder + ": " + e.getMessage(), e);
    }
    return new QueryCatalogue(list, folder.toString());
  }

  /**
   * The {@code queries/*.rq} resources of {@code loader}: read from the folder or the jar that
   * holds them. A jar built without directory entries is found through this class's own jar.
   */
  public static QueryCatalogue fromClasspath(ClassLoader loader) {
    try {
      URL folder = loader.getResource(RESOURCE_FOLDER);
      if (folder != null && folder.getProtocol().equals("file")) {
        return new QueryCatalogue(fromFolder(Path.of(folder.toURI())).queries(), folder.toString());
      }
      URL anchor =
          folder != null
              ? folder
              : loader.getResource(QueryCatalogue.class.getName().replace('.', '/') + ".class");
      if (anchor != null && anchor.getProtocol().equals("jar")) {
        JarURLConnection connection = (JarURLConnection) anchor.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
          return new QueryCatalogue(fromJar(jar), "jar:" + jar.getName());
        }
      }
      return new QueryCatalogue(List.of(), "(no queries on the class path)");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the packed queries: " + e.getMessage(), e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<CatalogueQuery> fromJar(JarFile jar) throws IOException {
    List<CatalogueQuery> list = new ArrayList<>();
    String prefix = RESOURCE_FOLDER + "/";
    Enumeration<JarEntry> entries = jar.entries();
    while (entries.hasMoreElements()) {
      JarEntry entry = entries.nextElement();
      String path = entry.getName();
      if (!entry.isDirectory()
          && path.startsWith(prefix)
          && path.endsWith(EXTENSION)
          && path.indexOf('/', prefix.length()) < 0) {
        try (InputStream in = jar.getInputStream(entry)) {
          String file = path.substring(prefix.length());
          list.add(
              CatalogueQuery.parse(
                  file.substring(0, file.length() - EXTENSION.length()),
                  new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
      }
    }
    list.sort(Comparator.comparing(CatalogueQuery::name));
    return list;
  }

  /** A query file anywhere, named after the file. */
  public static CatalogueQuery readFile(Path file) {
    String fileName = file.getFileName().toString();
    String name =
        fileName.endsWith(EXTENSION)
            ? fileName.substring(0, fileName.length() - EXTENSION.length())
            : fileName;
    try {
      return CatalogueQuery.parse(name, Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The queries, sorted by name. */
  public List<CatalogueQuery> queries() {
    return List.copyOf(queries.values());
  }

  public Optional<CatalogueQuery> find(String name) {
    return Optional.ofNullable(queries.get(name));
  }

  /** The named query; refuses an unknown name with a hint at the closest one. */
  public CatalogueQuery require(String name) {
    CatalogueQuery q = queries.get(name);
    if (q == null) {
      throw new QueryUsageException(
          "no query named '"
              + name
              + "' in the catalogue"
              + org.cmograph.util.Suggest.didYouMean(name, queries.keySet())
              + " (list them with: cmograph query --list)");
    }
    return q;
  }

  /** Where the queries were read from, for messages. */
  public String origin() {
    return origin;
  }
}
