package org.cmograph.endpoint;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.security.AuthenticationState;
import org.eclipse.jetty.security.UserIdentity;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP Basic for the update user, hardened: a malformed {@code Authorization} header is a 400
 * (Jetty's own authenticator fails with a 500 on bad Base64), every failed login is logged with the
 * client's address and the user name tried (never the password), and {@link LoginThrottle} locks
 * out an address after a few failures (429 with {@code Retry-After}, the password not checked).
 */
final class ThrottledBasicAuthenticator extends BasicAuthenticator {
  private static final Logger LOG = LoggerFactory.getLogger(ThrottledBasicAuthenticator.class);

  private final LoginThrottle throttle;

  ThrottledBasicAuthenticator(LoginThrottle throttle) {
    this.throttle = throttle;
    setCharset(StandardCharsets.UTF_8);
  }

  @Override
  public AuthenticationState validateRequest(Request req, Response res, Callback callback) {
    String header = req.getHeaders().get(HttpHeader.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Basic", 0, 5)) {
      return challenge(req, res, callback);
    }
    String client = Request.getRemoteAddr(req);
    String[] credentials = decode(header);
    if (credentials == null) {
      LOG.warn("malformed Authorization header from {}", client);
      return refuse(
          req,
          res,
          callback,
          400,
          "malformed Authorization header: expected Basic and base64(user:password)");
    }
    LoginThrottle.Wait wait = throttle.check(client);
    if (wait.locked()) {
      long seconds = Math.max(1, (wait.left().toMillis() + 999) / 1000);
      if (wait.first()) {
        LOG.warn(
            "login attempts from {} refused for {} s after repeated failures", client, seconds);
      }
      res.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(seconds));
      return refuse(
          req,
          res,
          callback,
          429,
          "too many failed logins from this address; try again in " + seconds + " s");
    }
    UserIdentity user = login(credentials[0], credentials[1], req, res);
    if (user != null) {
      throttle.succeeded(client);
      return new UserAuthenticationSucceeded(getAuthenticationType(), user);
    }
    int failures = throttle.failed(client);
    LOG.warn(
        "failed login for user '{}' from {} ({} in a row)",
        forLog(credentials[0]),
        client,
        failures);
    return challenge(req, res, callback);
  }

  /** The user and password of a Basic header, or null when the header is not well formed. */
  static String[] decode(String header) {
    if (header.length() < 7 || header.charAt(5) != ' ') {
      return null;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
  }

  /** A user name as typed, safe for one log line: no control characters, at most 64 characters. */
  static String forLog(String user) {
    String clean = user.replaceAll("\\p{Cntrl}", "?");
    return clean.length() <= 64 ? clean : clean.substring(0, 64) + "...";
  }

  private AuthenticationState challenge(Request req, Response res, Callback callback) {
    if (res.isCommitted()) {
      return null;
    }
    res.getHeaders()
        .put(
            HttpHeader.WWW_AUTHENTICATE,
            "Basic realm=\"" + _loginService.getName() + "\", charset=\"UTF-8\"");
    Response.writeError(req, res, callback, 401);
    return AuthenticationState.CHALLENGE;
  }

  private static AuthenticationState refuse(
      Request req, Response res, Callback callback, int status, String message) {
    if (res.isCommitted()) {
      return null;
    }
    Response.writeError(req, res, callback, status, message);
    return AuthenticationState.SEND_FAILURE;
  }
}
