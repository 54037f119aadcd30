package org.cmograph.endpoint;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first thing every request meets. It
 *
 * <ul>
 *   <li>refuses request bodies above the size limit (413), whether announced by {@code
 *       Content-Length} or streamed in chunks;
 *   <li>answers CORS for the read endpoints only: any origin may query (GET, POST) without
 *       credentials; everything else sends no CORS headers, and a browser request from another
 *       origin that could write (to the write endpoints, or any method but GET/HEAD/OPTIONS outside
 *       the query endpoints) is refused, so a page elsewhere cannot ride on a reviewer's stored
 *       login;
 *   <li>turns any unexpected failure into a short plain-text 500 with a reference to the log, never
 *       a stack trace.
 * </ul>
 */
final class RequestGuard extends HttpFilter {
  /**
   * An oversized body up to this size is read and dropped before the 413, so the client sees it.
   */
  static final long DRAINED_BYTES = 4L * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(RequestGuard.class);
  private static final AtomicLong ERRORS = new AtomicLong();
  private static final String STYLESHEET = "stylesheet";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final long maxBodyBytes;
  private final Set<String> readPaths;
  private final Set<String> writePaths;

  RequestGuard(long maxBodyBytes, String dataset) {
    this.maxBodyBytes = maxBodyBytes;
    this.readPaths =
        Set.of(dataset, dataset + "/", dataset + "/sparql", dataset + "/query", dataset + "/get");
    this.writePaths = Set.of(dataset + "/update", dataset + "/data");
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    res.setHeader("X-Content-Type-Options", "nosniff");
    if ("TRACE".equals(req.getMethod())) {
      res.setHeader("Allow", "GET, HEAD, POST, PUT, DELETE, OPTIONS");
      plain(res, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "TRACE is not supported");
      return;
    }
    String path = req.getRequestURI();
    String origin = req.getHeader("Origin");
    boolean read = readPaths.contains(path);
    boolean write = writePaths.contains(path) || (!read && !SAFE_METHODS.contains(req.getMethod()));
    if (origin != null) {
      if (write && !sameOrigin(origin, req)) {
        plain(res, HttpServletResponse.SC_FORBIDDEN, "cross-origin writes are refused");
        return;
      }
      if (read && cors(req, res)) {
        return;
      }
    }
    long declared = req.getContentLengthLong();
    if (declared > maxBodyBytes) {
      // A client still sending its body may miss an answer sent before it finishes (the
      // connection is reset under it): read and drop a modest body first, close after.
      res.setHeader("Connection", "close");
      if (declared <= DRAINED_BYTES) {
        try {
          req.getInputStream().skipNBytes(declared);
        } catch (IOException | RuntimeException e) {
          // the client went away; the answer below is still the right one
        }
      }
      plain(res, 413, tooLarge());
      return;
    }
    Limits limits = new Limits();
    HttpServletRequest limited = new LimitedRequest(req, limits);
    LimitedResponse response = new LimitedResponse(res, limits);
    try {
      // Parsed here, where a bad encoding can be answered 400: Fuseki's servlets report a failure
      // to read parameters as a 500.
      limited.getParameterMap();
    } catch (RuntimeException e) {
      int status = clientError(e, limits);
      if (status > 0) {
        LOG.warn("{} on {} {}: {}", status, req.getMethod(), path, e.getClass().getSimpleName());
        plain(
            res,
            status,
            status == 413 ? tooLarge() : "malformed request: bad encoding or parameters");
        return;
      }
      throw e;
    }
    try {
      chain.doFilter(limited, response);
      IOException gone = response.clientGone();
      if (gone != null) {
        // Not the server's failure: one line, no stack trace (Fuseki logged two per broken write).
        LOG.info(
            "client {} stopped reading {} {}: {}",
            req.getRemoteAddr(),
            req.getMethod(),
            path,
            gone.getClass().getSimpleName());
      }
    } catch (Throwable e) {
      int clientError = clientError(e, limits);
      if (clientError > 0) {
        // The client's mistake: a short message, a one-line log entry, no stack trace.
        LOG.warn(
            "{} on {} {}: {}", clientError, req.getMethod(), path, e.getClass().getSimpleName());
        if (!res.isCommitted()) {
          res.reset();
          plain(
              res,
              clientError,
              clientError == 413 ? tooLarge() : "malformed request: bad encoding or parameters");
        }
        return;
      }
      long ref = ERRORS.incrementAndGet();
      LOG.error("internal error ref {} on {} {}", ref, req.getMethod(), path, e);
      if (!res.isCommitted()) {
        res.reset();
        plain(res, 500, "internal error; the server log has the details (ref " + ref + ")");
      }
    }
  }

  /**
   * The 4xx status for a failure that the request itself caused (bad percent-encoding, an unknown
   * charset, a form over the size limit), or 0 for a failure of the server's own.
   */
  private static int clientError(Throwable e, Limits limits) {
    if (limits.exceeded) {
      return 413;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      String name = t.getClass().getName();
      String message = String.valueOf(t.getMessage());
      if (message.contains("Form is larger than")
          || message.contains("Form with too many keys")
          || message.contains("too large")) {
        return 413;
      }
      if (t instanceof java.nio.charset.UnsupportedCharsetException
          || t instanceof java.nio.charset.IllegalCharsetNameException
          || t instanceof java.io.UnsupportedEncodingException
          || t instanceof java.nio.charset.CharacterCodingException
          || name.equals("org.eclipse.jetty.http.BadMessageException")
          || name.equals("org.eclipse.jetty.util.Utf8StringBuilder$Utf8IllegalArgumentException")
          || (t instanceof IllegalArgumentException
              && (message.contains("encoding")
                  || message.contains("escape")
                  || message.contains("hex")
                  || message.contains("UTF-8")
                  || message.contains("charset")))) {
        return 400;
      }
    }
    return 0;
  }

  /** Adds CORS headers for a query; answers a preflight itself (returns true when it did). */
  private static boolean cors(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String requested = req.getHeader("Access-Control-Request-Method");
    if ("OPTIONS".equals(req.getMethod()) && requested != null) {
      if (!Set.of("GET", "POST", "HEAD").contains(requested)) {
        plain(res, HttpServletResponse.SC_FORBIDDEN, "cross-origin " + requested + " is refused");
        return true;
      }
      res.setHeader("Access-Control-Allow-Origin", "*");
      res.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      res.setHeader("Access-Control-Allow-Headers", "Accept, Content-Type, Cache-Control");
      res.setHeader("Access-Control-Max-Age", "3600");
      res.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return true;
    }
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.setHeader(
        "Access-Control-Expose-Headers",
        EndpointServer.MAX_ROWS_HEADER + ", " + EndpointServer.TRUNCATED_HEADER);
    return false;
  }

  private static boolean sameOrigin(String origin, HttpServletRequest req) {
    try {
      URI o = URI.create(origin);
      int port = o.getPort() != -1 ? o.getPort() : ("https".equals(o.getScheme()) ? 443 : 80);
      return o.getHost() != null
          && o.getHost().equalsIgnoreCase(req.getServerName())
          && port == req.getServerPort();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private String tooLarge() {
    return "request body larger than " + maxBodyBytes + " bytes; send less per request";
  }

  private static void plain(HttpServletResponse res, int status, String message)
      throws IOException {
    byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
    res.setStatus(status);
    res.setContentType("text/plain;charset=utf-8");
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }

  /** Whether this request's body went over the limit. */
  private static final class Limits {
    volatile boolean exceeded;
  }

  /** A request whose body stream fails once it passes the limit. */
  private final class LimitedRequest extends HttpServletRequestWrapper {
    private final Limits limits;
    private ServletInputStream stream;

    LimitedRequest(HttpServletRequest request, Limits limits) {
      super(request);
      this.limits = limits;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new LimitedStream(super.getInputStream(), limits);
      }
      return stream;
    }

    // Fuseki's XML results would name a client-chosen stylesheet in their output; none is offered.
    @Override
    public String getParameter(String name) {
      return STYLESHEET.equals(name) ? null : super.getParameter(name);
    }

    @Override
    public String[] getParameterValues(String name) {
      return STYLESHEET.equals(name) ? null : super.getParameterValues(name);
    }

    /** The parameters without the stylesheet, made once (Fuseki asks several times a request). */
    private java.util.Map<String, String[]> parameters;

    @Override
    public java.util.Map<String, String[]> getParameterMap() {
      if (parameters == null) {
        java.util.Map<String, String[]> all =
            new java.util.LinkedHashMap<>(super.getParameterMap());
        all.remove(STYLESHEET);
        parameters = java.util.Collections.unmodifiableMap(all);
      }
      return parameters;
    }

    @Override
    public java.util.Enumeration<String> getParameterNames() {
      return java.util.Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public java.io.BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      return new java.io.BufferedReader(
          new java.io.InputStreamReader(
              getInputStream(),
              encoding == null
                  ? StandardCharsets.UTF_8
                  : java.nio.charset.Charset.forName(encoding)));
    }
  }

  private final class LimitedStream extends ServletInputStream {
    private final ServletInputStream in;
    private final Limits limits;
    private long count;

    LimitedStream(ServletInputStream in, Limits limits) {
      this.in = in;
      this.limits = limits;
    }

    private void counted(long n) throws IOException {
      if (n > 0) {
        count += n;
        if (count > maxBodyBytes) {
          limits.exceeded = true;
          throw new IOException(tooLarge());
        }
      }
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      counted(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      counted(n);
      return n;
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }

  /** Reports 413 whatever status the handler chose, once the body went over the limit. */
  private static final class LimitedResponse extends HttpServletResponseWrapper {
    private final Limits limits;

    LimitedResponse(HttpServletResponse response, Limits limits) {
      super(response);
      this.limits = limits;
    }

    @Override
    public void setStatus(int sc) {
      super.setStatus(limits.exceeded ? 413 : sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      super.sendError(limits.exceeded ? 413 : sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
      super.sendError(limits.exceeded ? 413 : sc);
    }

    private ClientStream out;

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (out == null) {
        out = new ClientStream(super.getOutputStream());
      }
      return out;
    }

    /** The failure that showed the client had gone, or null. */
    IOException clientGone() {
      return out == null ? null : out.failure();
    }
  }
}
