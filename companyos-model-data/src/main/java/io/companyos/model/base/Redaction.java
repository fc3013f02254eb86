package io.companyos.model.base;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one redaction rule for URLs and credentials (docs/security.md).
 *
 * <ul>
 *   <li>{@link #credentials(String)} — for payloads (packs, Slack and e-mail bodies, n/a reasons): the
 *       user-info of URLs, the values of credential query parameters ({@code access_token}, {@code token},
 *       {@code key}, {@code password}, {@code sig}, ...), the path of Slack webhooks, Slack tokens
 *       ({@code xoxb-...}) and {@code Bearer}/{@code Basic} credentials become {@value #MASK}; links stay usable.</li>
 *   <li>{@link #message(String)} — for error messages, logs and notices: the same, and every URL is cut
 *       to its origin ({@code https://hooks.slack.com/[redacted]}), because a webhook's secret is its path.</li>
 * </ul>
 */
public final class Redaction {
  /** What replaces a secret. */
  public static final String MASK = "[redacted]";

  /** Query parameter names whose values are credentials (compared in lower case, {@code -} as {@code _}). */
  private static final Set<String> CREDENTIAL_PARAMS = Set.of("access_token", "token", "api_key", "apikey", "key",
      "secret", "client_secret", "password", "passwd", "pwd", "auth", "authorization", "sig", "signature",
      "refresh_token", "id_token", "private_token", "x_api_key", "session", "sessionid", "code", "jwt");

  private static final Pattern URL = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]{1,15}):(/{1,3})([^\\s\"'<>`]+)");
  private static final Pattern PARAM = Pattern.compile("(?i)([?&;])([a-z0-9_.-]+)=([^&#;\\s\"'<>`]*)");
  private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]{1,15}://)[^/@\\s\"'<>`]+@");
  private static final Pattern AUTH = Pattern.compile("(?i)\\b(bearer|basic|token)(\\s+)[A-Za-z0-9._~+/=-]{8,}");
  private static final Pattern SLACK_TOKEN = Pattern.compile("\\bxox[a-z]-[A-Za-z0-9-]+");
  private static final Pattern SLACK_HOOK = Pattern.compile("(?i)(hooks\\.slack(?:-gov)?\\.com)/[^\\s\"'<>`)]+");

  private Redaction() {}

  /** {@code text} without credentials; URLs keep their host and path (payload rule). */
  public static String credentials(@Nullable String text) {
    if (text == null || text.isEmpty()) {
      return text == null ? "" : text;
    }
    String s = USER_INFO.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "@"));
    s = PARAM.matcher(s).replaceAll(m -> isCredentialParam(m.group(2))
        ? Matcher.quoteReplacement(m.group(1) + m.group(2) + "=" + MASK) : Matcher.quoteReplacement(m.group()));
    s = SLACK_HOOK.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "/" + MASK));
    s = SLACK_TOKEN.matcher(s).replaceAll(MASK);
    s = AUTH.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
    return s;
  }

  /** {@code text} without credentials and with every URL cut to its origin (message rule). */
  public static String message(@Nullable String text) {
    String s = credentials(text);
    return URL.matcher(s).replaceAll(m -> Matcher.quoteReplacement(originOf(m.group(1), m.group(3))));
  }

  /** How {@code url} may be shown: its origin, and {@value #MASK} for anything after it. */
  public static String url(@Nullable URI url) {
    return url == null ? "" : message(url.toString());
  }

  /** True when {@code name} is a query parameter whose value is a credential. */
  public static boolean isCredentialParam(String name) {
    return CREDENTIAL_PARAMS.contains(name.toLowerCase(Locale.ROOT).replace('-', '_'));
  }

  /**
   * What makes {@code url} unfit to be written in a definition: user-info, or a credential in its query;
   * empty when it is fine. The text never repeats the URL.
   */
  public static Optional<String> secretIn(URI url) {
    if (url.getRawUserInfo() != null) {
      return Optional.of("the URL carries a user name or password");
    }
    String q = url.getRawQuery();
    if (q != null) {
      for (String part : q.split("[&;]")) {
        String name = part.contains("=") ? part.substring(0, part.indexOf('=')) : part;
        if (isCredentialParam(name)) {
          return Optional.of("the URL carries a credential in its query ('" + name + "')");
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Parses {@code value}, a URL held by environment variable or setting {@code name}, as an absolute
   * http(s) URL; the exception names the setting, never the value (which may be a secret).
   *
   * @throws IllegalArgumentException with a message safe to print
   */
  public static URI parseSecretUrl(String name, String value) {
    URI u;
    try {
      u = new URI(value.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(name + " is not a valid URL (character " + (e.getIndex() + 1)
          + " of " + value.strip().length() + "; the value is not shown)");
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IllegalArgumentException(name + " must be an http:// or https:// URL (the value is not shown)");
    }
    if (u.getHost() == null || u.getHost().isEmpty()) {
      throw new IllegalArgumentException(name + " has no host (check the two slashes after the scheme; the value is not shown)");
    }
    return u;
  }

  /**
   * {@code text} made safe to print on one terminal line: line breaks and tabs become one space, every
   * other control character (terminal escape sequences start with ESC, U+001B), and the bidirectional
   * overrides that reorder what a terminal shows, become a visible {@code \\u001b}-style escape.
   */
  public static String printable(@Nullable String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement = null;
      if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        replacement = "";
      } else if (c == '\n' || c == '\r' || c == '\t') {
        replacement = " ";
      } else if (Character.isISOControl(c) || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
          || c == '\u2028' || c == '\u2029') {
        replacement = String.format(Locale.ROOT, "\\u%04x", (int) c);
      }
      if (replacement != null && sb == null) {
        sb = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (sb != null) {
        sb.append(replacement != null ? replacement : String.valueOf(c));
      }
    }
    return sb == null ? text : sb.toString();
  }

  private static String originOf(String scheme, String rest) {
    int end = rest.length();
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    String authority = rest.substring(0, end);
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      authority = authority.substring(at + 1);
    }
    // Trailing punctuation of the sentence around the URL stays outside it.
    String tail = "";
    while (!authority.isEmpty() && ".,;:)]".indexOf(authority.charAt(authority.length() - 1)) >= 0 && end == rest.length()) {
      tail = authority.charAt(authority.length() - 1) + tail;
      authority = authority.substring(0, authority.length() - 1);
    }
    boolean more = end < rest.length() && !rest.substring(end).equals("/");
    return scheme + "://" + authority + (more ? "/" + MASK : "") + tail;
  }
}
