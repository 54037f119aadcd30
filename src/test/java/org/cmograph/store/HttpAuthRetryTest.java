package org.cmograph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A server that closes connections without answering (as a busy Virtuoso sometimes does) costs a
 * request a second or third try, not the whole push; one that never answers still fails, after
 * {@link HttpAuth#ATTEMPTS} tries.
 */
class HttpAuthRetryTest {
  @Test
  void aDroppedConnectionIsTriedAgain() throws Exception {
    try (DroppingServer server = new DroppingServer(2, false)) {
      HttpResponse<String> r = put(server, null);
      assertEquals(200, r.statusCode());
      assertEquals(List.of("PUT", "PUT", "PUT"), server.methods);
    }
  }

  @Test
  void theProbeForTheSchemeIsTriedAgainToo() throws Exception {
    try (DroppingServer server = new DroppingServer(3, true)) {
      HttpResponse<String> r = put(server, new RemoteGraphStore.Credentials("loader", "secret"));
      assertEquals(200, r.statusCode());
      // three HEADs dropped, the fourth answered 401 Basic (however the sends are split between
      // the JDK's own resend of a HEAD and ours, each HEAD takes one drop), then the PUT went once,
      // with credentials
      assertEquals(List.of("HEAD", "HEAD", "HEAD", "HEAD", "PUT"), server.methods);
      assertTrue(server.lastAuthorization.startsWith("Basic "), server.lastAuthorization);
    }
  }

  @Test
  void aServerThatNeverAnswersStillFails() throws Exception {
    try (DroppingServer server = new DroppingServer(Integer.MAX_VALUE, false)) {
      assertThrows(IOException.class, () -> put(server, null));
      assertEquals(HttpAuth.ATTEMPTS, server.methods.size());
    }
  }

  @Test
  void aPostIsSentOnceUnlessItIsAQuery() throws Exception {
    try (DroppingServer server = new DroppingServer(1, false)) {
      assertThrows(IOException.class, () -> post(server, false));
      assertEquals(List.of("POST"), server.methods, "a POST that may write goes once");
      HttpResponse<String> query = post(server, true);
      assertEquals(200, query.statusCode());
      assertEquals(List.of("POST", "POST"), server.methods);
    }
    try (DroppingServer server = new DroppingServer(1, false)) {
      assertEquals(200, post(server, true).statusCode(), "a query POSTed as a form goes again");
      assertEquals(List.of("POST", "POST"), server.methods);
    }
  }

  @Test
  void aTimeoutIsNotRetried() throws Exception {
    try (DroppingServer server = new DroppingServer(Integer.MAX_VALUE, false, true)) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      URI uri = URI.create("http://127.0.0.1:" + server.port() + "/data?graph=g");
      assertThrows(
          java.net.http.HttpTimeoutException.class,
          () ->
              new HttpAuth(null)
                  .send(
                      http,
                      () ->
                          HttpRequest.newBuilder(uri)
                              .timeout(java.time.Duration.ofMillis(300))
                              .PUT(HttpRequest.BodyPublishers.ofString("<a> <b> <c> .")),
                      HttpResponse.BodyHandlers.ofString()));
      assertEquals(List.of("PUT"), server.methods);
    }
  }

  private static HttpResponse<String> post(DroppingServer server, boolean query)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI uri = URI.create("http://127.0.0.1:" + server.port() + "/sparql");
    java.util.function.Supplier<HttpRequest.Builder> request =
        () ->
            HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("query=ASK%7B%7D"));
    HttpAuth auth = new HttpAuth(null);
    return query
        ? auth.sendQuery(http, request, HttpResponse.BodyHandlers.ofString())
        : auth.send(http, request, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> put(
      DroppingServer server, RemoteGraphStore.Credentials credentials)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI uri = URI.create("http://127.0.0.1:" + server.port() + "/data?graph=g");
    return new HttpAuth(credentials)
        .send(
            http,
            () ->
                HttpRequest.newBuilder(uri)
                    .PUT(HttpRequest.BodyPublishers.ofString("<a> <b> <c> .")),
            HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Closes its first {@code drops} connections after reading the request's head; then answers 200,
   * or 401 Basic to a request without credentials when {@code wantsBasic}.
   */
  private static final class DroppingServer implements AutoCloseable {
    final List<String> methods = new CopyOnWriteArrayList<>();
    volatile String lastAuthorization = "";
    private final ServerSocket socket;
    private final AtomicInteger toDrop;
    private final boolean wantsBasic;
    private final boolean holds;
    private final Thread loop;

    DroppingServer(int drops, boolean wantsBasic) throws IOException {
      this(drops, wantsBasic, false);
    }

    /**
     * @param holds keep each dropped connection open a while, answering nothing (a server that
     *     hangs), instead of closing it at once
     */
    DroppingServer(int drops, boolean wantsBasic, boolean holds) throws IOException {
      this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      this.toDrop = new AtomicInteger(drops);
      this.wantsBasic = wantsBasic;
      this.holds = holds;
      this.loop = new Thread(this::serve, "dropping-server");
      loop.setDaemon(true);
      loop.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    private void serve() {
      while (!socket.isClosed()) {
        try (Socket s = socket.accept()) {
          InputStream in = s.getInputStream();
          String head = readHead(in);
          String method = head.substring(0, head.indexOf(' '));
          methods.add(method);
          if (toDrop.getAndDecrement() > 0) {
            if (holds) {
              Thread.sleep(2000);
            }
            continue; // closed without a byte of answer
          }
          in.readNBytes(contentLength(head));
          String auth = header(head, "authorization");
          lastAuthorization = auth;
          OutputStream out = s.getOutputStream();
          if (wantsBasic && auth.isEmpty()) {
            out.write(
                ("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"t\"\r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
          } else {
            out.write(
                "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                    .getBytes(StandardCharsets.US_ASCII));
          }
          out.flush();
        } catch (IOException e) {
          // closed by close(), or a client gone: the next accept decides
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    private static String readHead(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) >= 0) {
        head.write(b);
        String s = head.toString(StandardCharsets.US_ASCII);
        if (s.endsWith("\r\n\r\n")) {
          return s;
        }
      }
      throw new IOException("connection closed in the request's head");
    }

    private static String header(String head, String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).toLowerCase(Locale.ROOT).equals(name)) {
          return line.substring(colon + 1).strip();
        }
      }
      return "";
    }

    private static int contentLength(String head) {
      String v = header(head, "content-length");
      return v.isEmpty() ? 0 : Integer.parseInt(v);
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
