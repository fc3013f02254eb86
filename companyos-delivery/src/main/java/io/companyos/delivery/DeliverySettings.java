package io.companyos.delivery;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where and how to send, read from environment variables (secrets never go into pack YAML):
 *
 * <ul>
 *   <li>Slack: {@code COMPANYOS_SLACK_<CHANNEL>_URL} (an incoming webhook for one channel, e.g.
 *       {@code COMPANYOS_SLACK_OPS_REVIEW_URL} for {@code #ops-review}), else {@code COMPANYOS_SLACK_BOT_TOKEN}
 *       (chat.postMessage to the destination channel; {@code COMPANYOS_SLACK_API_URL} overrides
 *       {@code https://slack.com/api}), else {@code COMPANYOS_SLACK_WEBHOOK_URL}.</li>
 *   <li>E-mail: {@code COMPANYOS_SMTP_HOST}, {@code COMPANYOS_SMTP_PORT} (587), {@code COMPANYOS_SMTP_STARTTLS}
 *       ({@code true}: required), {@code COMPANYOS_SMTP_USER}, {@code COMPANYOS_SMTP_PASSWORD},
 *       {@code COMPANYOS_SMTP_FROM}.</li>
 *   <li>{@code COMPANYOS_DASHBOARD_BASE_URL}: where the site is published, for links in messages.</li>
 * </ul>
 */
public final class DeliverySettings {
  private final Map<String, String> env;
  /** Where a setting came from when it was read from a file ({@code file:line}). */
  private final Map<String, String> origins;

  private DeliverySettings(Map<String, String> env, Map<String, String> origins) {
    this.env = Map.copyOf(env);
    this.origins = Map.copyOf(origins);
  }

  /** Settings from the process environment. */
  public static DeliverySettings fromEnvironment() {
    return of(System.getenv());
  }

  /**
   * The environment overlaid with {@code file}, a properties file of the same {@code COMPANYOS_*} names
   * ({@code NAME=value} lines), so cron jobs can keep secrets in a file only they can read.
   */
  public static DeliverySettings load(java.nio.file.Path file, Map<String, String> environment) {
    java.util.Properties p = new java.util.Properties();
    String text;
    try {
      text = io.companyos.model.TextFiles.readUtf8(file);
      p.load(new java.io.StringReader(text));
    } catch (io.companyos.model.TextFiles.NotUtf8 e) {
      throw new DeliveryException("COS-DLV-003", "cannot read the settings file: " + e.getMessage(), file + ":" + e.line(),
          "save it as UTF-8", e);
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new DeliveryException("COS-DLV-003", "cannot read the settings file: " + e.getMessage(), file.toString(),
          "write NAME=value lines such as COMPANYOS_SMTP_HOST=smtp.example.com", e);
    }
    Map<String, String> merged = new java.util.HashMap<>(environment);
    Map<String, String> origins = new java.util.HashMap<>();
    String[] lines = text.split("\r?\n|\r", -1);
    for (String k : p.stringPropertyNames()) {
      merged.put(k, p.getProperty(k));
      origins.put(k, file.toString());
      for (int i = 0; i < lines.length; i++) {
        String l = lines[i].stripLeading();
        if (l.startsWith(k) && (l.length() == k.length() || "=: \t".indexOf(l.charAt(k.length())) >= 0)) {
          origins.put(k, file + ":" + (i + 1)); // the last line wins, as in Properties
        }
      }
    }
    return new DeliverySettings(merged, origins);
  }

  /** Settings from {@code variables} (tests, or an application's own configuration). */
  public static DeliverySettings of(Map<String, String> variables) {
    return new DeliverySettings(variables, Map.of());
  }

  /** How a Slack destination is reached. */
  public sealed interface SlackRoute {
    /** An incoming webhook (the channel is fixed by the webhook). */
    record Webhook(URI url, String variable) implements SlackRoute {
      @Override
      public String toString() {
        return "Webhook[" + variable + "]"; // never the URL: its path is the secret
      }
    }

    /** chat.postMessage with a bot token. */
    record Api(URI endpoint, String token) implements SlackRoute {
      @Override
      public String toString() {
        return "Api[" + endpoint + "]"; // never the token
      }
    }
  }

  /** The route to Slack channel {@code destination} ({@code #ops-review}), if configured. */
  public Optional<SlackRoute> slack(String destination) {
    String own = "COMPANYOS_SLACK_" + destination.replaceFirst("^#", "").toUpperCase(Locale.ROOT)
        .replaceAll("[^A-Z0-9]+", "_") + "_URL";
    Optional<SlackRoute> webhook = get(own).map(u -> new SlackRoute.Webhook(secretUrl(own, u), own));
    if (webhook.isPresent()) {
      return webhook;
    }
    Optional<String> token = get("COMPANYOS_SLACK_BOT_TOKEN");
    if (token.isPresent()) {
      String base = get("COMPANYOS_SLACK_API_URL").orElse("https://slack.com/api").replaceAll("/+$", "");
      return Optional.of(new SlackRoute.Api(secretUrl("COMPANYOS_SLACK_API_URL", base + "/chat.postMessage"), token.get()));
    }
    return get("COMPANYOS_SLACK_WEBHOOK_URL").map(u -> new SlackRoute.Webhook(secretUrl("COMPANYOS_SLACK_WEBHOOK_URL", u),
        "COMPANYOS_SLACK_WEBHOOK_URL"));
  }

  /** {@code value} of {@code variable} as an http(s) URL; the error names the variable, never the value. */
  private static URI secretUrl(String variable, String value) {
    try {
      return io.companyos.model.base.Redaction.parseSecretUrl(variable, value);
    } catch (IllegalArgumentException e) {
      throw new DeliveryException("COS-DLV-003", e.getMessage(), variable,
          "copy the URL again from Slack's app settings (Incoming Webhooks)", null);
    }
  }

  /** What to set for Slack destination {@code destination}. */
  public static String slackHint(String destination) {
    return "set COMPANYOS_SLACK_" + destination.replaceFirst("^#", "").toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_")
        + "_URL, COMPANYOS_SLACK_BOT_TOKEN or COMPANYOS_SLACK_WEBHOOK_URL";
  }

  /** SMTP settings, if {@code COMPANYOS_SMTP_HOST} and {@code COMPANYOS_SMTP_FROM} are set. */
  public Optional<Smtp> smtp() {
    Optional<String> host = get("COMPANYOS_SMTP_HOST");
    Optional<String> from = get("COMPANYOS_SMTP_FROM");
    if (host.isEmpty() || from.isEmpty()) {
      return Optional.empty();
    }
    int port;
    String portText = get("COMPANYOS_SMTP_PORT").orElse("587");
    try {
      port = Integer.parseInt(portText);
    } catch (NumberFormatException e) {
      throw new DeliveryException("COS-DLV-003", "COMPANYOS_SMTP_PORT is not a number", where("COMPANYOS_SMTP_PORT"),
          "set a port such as 587", e);
    }
    if (port < 1 || port > 65535) {
      throw new DeliveryException("COS-DLV-003", "COMPANYOS_SMTP_PORT is " + port + ", not a port (1 to 65535)",
          where("COMPANYOS_SMTP_PORT"), "set a port such as 587 (submission), 465 or 25", null);
    }
    try {
      jakarta.mail.internet.InternetAddress address = new jakarta.mail.internet.InternetAddress(from.get(), true);
      if (address.getAddress() == null || !address.getAddress().contains("@")) {
        throw new jakarta.mail.internet.AddressException("no domain");
      }
    } catch (jakarta.mail.internet.AddressException e) {
      throw new DeliveryException("COS-DLV-003", "COMPANYOS_SMTP_FROM '" + io.companyos.model.base.Redaction.printable(from.get())
          + "' is not an e-mail address", where("COMPANYOS_SMTP_FROM"),
          "write it as name@domain or \"Name <name@domain>\"", null);
    }
    boolean startTls = !get("COMPANYOS_SMTP_STARTTLS").orElse("true").equalsIgnoreCase("false");
    return Optional.of(new Smtp(host.get(), port, startTls, get("COMPANYOS_SMTP_USER").orElse(null),
        get("COMPANYOS_SMTP_PASSWORD").orElse(null), from.get(), Duration.ofSeconds(30)));
  }

  /** The public base URL of the dashboard site, for links in Slack and e-mail. */
  public Optional<String> dashboardBaseUrl() {
    return get("COMPANYOS_DASHBOARD_BASE_URL").map(u -> u.replaceAll("/+$", ""));
  }

  /** Where setting {@code name} was read: {@code file:line} when from a settings file, else the variable. */
  private String where(String name) {
    return origins.getOrDefault(name, name);
  }

  private Optional<String> get(String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  /**
   * SMTP connection settings. {@code startTls} true means STARTTLS is required (the connection fails
   * rather than sending in clear text).
   */
  public record Smtp(String host, int port, boolean startTls, @Nullable String user, @Nullable String password,
      String from, Duration timeout) {
    @Override
    public String toString() {
      return "Smtp[" + host + ":" + port + ", starttls=" + startTls + ", user=" + user + ", from=" + from + "]";
    }
  }
}
