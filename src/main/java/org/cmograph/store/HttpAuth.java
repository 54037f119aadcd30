package org.cmograph.store;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * HTTP authentication as the server asks for it: credentials are sent only after a {@code 401}
 * names a scheme, then with every later request of the same client, Basic (Fuseki, {@code cmograph
 * serve}, GraphDB) or Digest (RFC 7616, MD5 or SHA-256, as Virtuoso's {@code
 * /sparql-graph-crud-auth} and {@code /sparql-auth} want). The JDK's client does neither on its own
 * for Digest, and Basic only through a global authenticator.
 *
 * <pre>
 * HttpAuth auth = new HttpAuth(new RemoteGraphStore.Credentials("loader", password));
 * HttpResponse&lt;String&gt; r = auth.send(http, () -&gt; HttpRequest.newBuilder(uri).PUT(body),
 *     HttpResponse.BodyHandlers.ofString());
 * </pre>
 */
public final class HttpAuth {
  private static final Pattern SCHEME_START =
      Pattern.compile("(?i)(?:^|,)\\s*(Basic|Digest|Bearer|Negotiate|NTLM)(?=\\s|$)");
  private static final Pattern PARAM =
      Pattern.compile("([A-Za-z0-9_-]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s]*))");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** How many times a request is sent when the server drops the connection before answering. */
  static final int ATTEMPTS = 4;

  /** The pause before the second try; it doubles before each later one (1.75 s in all). */
  private static final long FIRST_PAUSE_MS = 250;

  /** The methods that are safe to send again. */
  private static final java.util.Set<String> REPEATABLE = java.util.Set.of("GET", "HEAD", "PUT");

  private final RemoteGraphStore.Credentials credentials;

  /** The server's last challenge: the scheme and, for Digest, realm, nonce, qop... */
  private Challenge challenge;

  private int nonceCount;

  /**
   * @param credentials null to send none (a 401 is then returned as it came)
   */
  public HttpAuth(RemoteGraphStore.Credentials credentials) {
    this.credentials = credentials;
  }

  /**
   * The credentials written into {@code uri} ({@code http://user:password@host/...}, percent-
   * decoded), or null when it has none. The commands warn against such URLs but honour them.
   */
  public static RemoteGraphStore.Credentials fromUserInfo(URI uri) {
    String info = uri.getUserInfo();
    if (info == null || info.isEmpty()) {
      return null;
    }
    int colon = info.indexOf(':');
    return colon < 0
        ? new RemoteGraphStore.Credentials(info, "")
        : new RemoteGraphStore.Credentials(info.substring(0, colon), info.substring(colon + 1));
  }

  /** {@code url} without its user-info: credentials travel in headers, never in the URL. */
  public static String withoutUserInfo(String url) {
    URI uri = URI.create(url);
    if (uri.getRawUserInfo() == null) {
      return url;
    }
    return url.replaceFirst(java.util.regex.Pattern.quote(uri.getRawUserInfo() + "@"), "");
  }

  /** One challenge of a {@code WWW-Authenticate} header: its scheme and its parameters. */
  record Challenge(String scheme, Map<String, String> params) {
    boolean digest() {
      return scheme.equalsIgnoreCase("Digest");
    }
  }

  /**
   * Sends the request {@code request} builds (a fresh builder each call: a request may go twice),
   * answering one authentication challenge if credentials were given. A {@code GET}, {@code HEAD}
   * or {@code PUT} is sent again when the connection closes before an answer ({@link #exchange});
   * any other method once.
   */
  public <T> HttpResponse<T> send(
      HttpClient http, Supplier<HttpRequest.Builder> request, HttpResponse.BodyHandler<T> body)
      throws IOException, InterruptedException {
    return send(http, request, body, false);
  }

  /**
   * As {@link #send(HttpClient, Supplier, HttpResponse.BodyHandler)}, for a SPARQL query, which
   * reads only and so is sent again whatever its method (a long one is a form {@code POST}).
   */
  public <T> HttpResponse<T> sendQuery(
      HttpClient http, Supplier<HttpRequest.Builder> request, HttpResponse.BodyHandler<T> body)
      throws IOException, InterruptedException {
    return send(http, request, body, true);
  }

  private synchronized <T> HttpResponse<T> send(
      HttpClient http,
      Supplier<HttpRequest.Builder> request,
      HttpResponse.BodyHandler<T> body,
      boolean readOnly)
      throws IOException, InterruptedException {
    if (credentials == null) {
      return exchange(http, () -> request.get().build(), body, readOnly);
    }
    if (challenge == null) {
      learnScheme(http, request.get().build());
    }
    boolean sent = challenge != null;
    HttpResponse<T> response = exchange(http, () -> authorised(request.get()), body, readOnly);
    if (response.statusCode() != 401) {
      return response;
    }
    Challenge asked = preferred(response.headers().allValues("WWW-Authenticate"));
    if (asked == null || (sent && !asked.digest())) {
      return response; // no scheme we speak, or Basic credentials the server refused
    }
    // Digest: the nonce we reused may have expired; answer the fresh one once.
    discard(response);
    challenge = asked;
    nonceCount = 0;
    return exchange(http, () -> authorised(request.get()), body, readOnly);
  }

  /**
   * Sends a request, and sends it again, up to {@link #ATTEMPTS} times in all, when the connection
   * closes before an answer arrives: a server may answer 401 before reading a request's body and
   * close the connection, so the answer is lost (Virtuoso does), and a busy server may drop a fresh
   * connection. Only requests that are safe to repeat go again: {@code GET}, {@code HEAD}, a {@code
   * PUT} (it replaces a whole graph), or any request the caller says only reads ({@code readOnly}).
   * A refused connection, a timeout or a TLS failure is not retried: it would only come back. (The
   * JDK's client itself sends a {@code GET} or {@code HEAD} a second time when a pooled connection
   * turns out closed, so such a request may reach a server more often; each attempt has the
   * request's whole timeout.)
   */
  static <T> HttpResponse<T> exchange(
      HttpClient http,
      Supplier<HttpRequest> request,
      HttpResponse.BodyHandler<T> body,
      boolean readOnly)
      throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      HttpRequest r = request.get();
      try {
        return http.send(r, body);
      } catch (ConnectException | HttpTimeoutException | SSLException e) {
        throw e;
      } catch (IOException e) {
        if (attempt == ATTEMPTS || !(readOnly || REPEATABLE.contains(r.method()))) {
          throw e;
        }
        Thread.sleep(FIRST_PAUSE_MS << (attempt - 1));
      }
    }
  }

  /**
   * Before the first request with a body, a {@code HEAD} to the same URL learns the scheme the
   * server wants, so the body goes once, with credentials. (Sent without them, it can be lost: a
   * server may answer 401 and close the connection before reading it, as Virtuoso does.)
   */
  private void learnScheme(HttpClient http, HttpRequest request)
      throws IOException, InterruptedException {
    if (request.bodyPublisher().map(b -> b.contentLength() == 0).orElse(true)) {
      return;
    }
    HttpRequest.Builder head =
        HttpRequest.newBuilder(request.uri()).method("HEAD", HttpRequest.BodyPublishers.noBody());
    request.timeout().ifPresent(head::timeout);
    HttpResponse<Void> probe =
        exchange(http, head::build, HttpResponse.BodyHandlers.discarding(), true);
    if (probe.statusCode() == 401) {
      challenge = preferred(probe.headers().allValues("WWW-Authenticate"));
      nonceCount = 0;
    }
  }

  private HttpRequest authorised(HttpRequest.Builder builder) {
    if (challenge == null) {
      return builder.build();
    }
    HttpRequest plain = builder.build();
    return builder.header("Authorization", authorization(plain.method(), plain.uri())).build();
  }

  private String authorization(String method, URI uri) {
    if (!challenge.digest()) {
      String token = credentials.user() + ":" + credentials.password();
      return "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    }
    Map<String, String> p = challenge.params();
    String algorithm = p.getOrDefault("algorithm", "MD5");
    boolean session = algorithm.toUpperCase(Locale.ROOT).endsWith("-SESS");
    String hash = algorithm.toUpperCase(Locale.ROOT).startsWith("SHA-256") ? "SHA-256" : "MD5";
    String realm = p.getOrDefault("realm", "");
    String nonce = p.getOrDefault("nonce", "");
    String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    byte[] seed = new byte[8];
    RANDOM.nextBytes(seed);
    String cnonce = HexFormat.of().formatHex(seed);
    String nc = String.format(Locale.ROOT, "%08x", ++nonceCount);
    boolean qopAuth =
        List.of(p.getOrDefault("qop", "").toLowerCase(Locale.ROOT).split("\\s*,\\s*"))
            .contains("auth");
    String response = digest(hash, session, qopAuth, realm, nonce, nc, cnonce, method, target);
    StringBuilder h = new StringBuilder("Digest ");
    h.append("username=").append(quoted(credentials.user()));
    h.append(", realm=").append(quoted(realm));
    h.append(", nonce=").append(quoted(nonce));
    h.append(", uri=").append(quoted(target));
    h.append(", algorithm=").append(algorithm);
    h.append(", response=").append(quoted(response));
    if (p.containsKey("opaque")) {
      h.append(", opaque=").append(quoted(p.get("opaque")));
    }
    if (qopAuth) {
      h.append(", qop=auth, nc=").append(nc).append(", cnonce=").append(quoted(cnonce));
    }
    return h.toString();
  }

  /** The Digest {@code response} value (RFC 7616 section 3.4.1). */
  String digest(
      String hash,
      boolean session,
      boolean qopAuth,
      String realm,
      String nonce,
      String nc,
      String cnonce,
      String method,
      String target) {
    String ha1 = hex(hash, credentials.user() + ":" + realm + ":" + credentials.password());
    if (session) {
      ha1 = hex(hash, ha1 + ":" + nonce + ":" + cnonce);
    }
    String ha2 = hex(hash, method + ":" + target);
    return qopAuth
        ? hex(hash, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2)
        : hex(hash, ha1 + ":" + nonce + ":" + ha2);
  }

  /** The challenge to answer among a 401's headers: Digest before Basic; null if neither. */
  static Challenge preferred(List<String> headers) {
    Challenge basic = null;
    for (Challenge c : parse(headers)) {
      if (c.digest()) {
        String algorithm = c.params().getOrDefault("algorithm", "MD5").toUpperCase(Locale.ROOT);
        if (List.of("MD5", "MD5-SESS", "SHA-256", "SHA-256-SESS").contains(algorithm)) {
          return c;
        }
      } else if (c.scheme().equalsIgnoreCase("Basic") && basic == null) {
        basic = c;
      }
    }
    return basic;
  }

  /** Every challenge in {@code headers}; one header may hold several, comma-separated. */
  static List<Challenge> parse(List<String> headers) {
    List<Challenge> all = new ArrayList<>();
    for (String header : headers) {
      Matcher m = SCHEME_START.matcher(header);
      List<int[]> starts = new ArrayList<>();
      while (m.find()) {
        starts.add(new int[] {m.start(1), m.end(1)});
      }
      for (int i = 0; i < starts.size(); i++) {
        int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : header.length();
        String scheme = header.substring(starts.get(i)[0], starts.get(i)[1]);
        Map<String, String> params = new LinkedHashMap<>();
        Matcher p = PARAM.matcher(header.substring(starts.get(i)[1], end));
        while (p.find()) {
          String value = p.group(2) != null ? p.group(2).replaceAll("\\\\(.)", "$1") : p.group(3);
          params.put(p.group(1).toLowerCase(Locale.ROOT), value);
        }
        all.add(new Challenge(scheme, params));
      }
    }
    return all;
  }

  /** Closes a refused answer's body when it is a stream, so its connection is freed. */
  private static void discard(HttpResponse<?> refused) throws IOException {
    if (refused.body() instanceof java.io.InputStream in) {
      in.close();
    }
  }

  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String hex(String algorithm, String text) {
    try {
      MessageDigest md = MessageDigest.getInstance(algorithm);
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
    }
  }
}
