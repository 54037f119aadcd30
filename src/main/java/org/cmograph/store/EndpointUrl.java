package org.cmograph.store;

import java.util.regex.Pattern;

/**
 * Keeps credentials written into a URL ({@code http://user:password@host/...}) out of every
 * message: what a command prints, what it logs, what an error says. The commands refuse such URLs
 * (a password on the command line is visible to every user of the machine); this is the second
 * line, for text that quotes a URL from elsewhere, such as an HTTP library's exception.
 *
 * <pre>
 * EndpointUrl.redacted("PUT to http://curator:s3cret@host/cmo/data failed")
 *     // "PUT to http://***@host/cmo/data failed"
 * </pre>
 */
public final class EndpointUrl {
  /**
   * A scheme, {@code //}, then everything up to the last {@code @} before a space. Greedy on
   * purpose: a password typed with an unescaped {@code @} or {@code /} in it is hidden whole, at
   * the price of hiding a little more of a rare URL with an {@code @} in its path.
   */
  private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)\\S*@");

  private EndpointUrl() {}

  /** Whether {@code url} carries a user name or password before its host. */
  public static boolean hasUserInfo(String url) {
    return url != null && USER_INFO.matcher(url).find();
  }

  /** {@code text} with the user-info of every URL in it replaced by {@code ***}. */
  public static String redacted(String text) {
    return text == null ? null : USER_INFO.matcher(text).replaceAll("$1***@");
  }
}
