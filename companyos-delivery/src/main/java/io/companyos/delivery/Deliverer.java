package io.companyos.delivery;

import io.companyos.model.base.HttpSender;
import io.companyos.model.base.RetryPolicy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.companyos.model.CompanyDefinition;
import io.companyos.model.org.Dashboard;
import io.companyos.model.pack.Delivery;
import io.companyos.model.pack.DeliveryChannel;
import io.companyos.model.pack.PackDefinition;
import io.companyos.model.rhythm.Meeting;
import io.companyos.render.AccessPolicy;
import io.companyos.render.ArtifactStore;
import io.companyos.render.PackDocument;
import io.companyos.render.PackFormat;
import io.companyos.render.PackRenderer;
import io.companyos.render.export.PackExporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Delivers a finished pack to every channel of its YAML {@code delivery} list.
 *
 * <ol>
 *   <li><b>Plan</b>: one {@link Dispatch} per destination. Slack gets one copy redacted for the pack's
 *       recipient roles; {@code email} with {@code "{{recipients}}"} gets one message per person of the
 *       {@link Directory} holding a recipient role, each redacted for that person's own roles; a dashboard
 *       gets the copy its access roles may see.</li>
 *   <li><b>Claim</b> the dispatch's {@link DeliveryKey} in the {@link DeliveryLog}; a key already sent is
 *       skipped, so a rerun never sends twice.</li>
 *   <li><b>Send</b> with the {@link RetryPolicy} and record {@code sent} or {@code failed}.</li>
 *   <li>When something failed, <b>tell the owner</b>: the RACI accountable role of the pack's meeting
 *       (else the meeting's owner) gets an e-mail, once per pack and period.</li>
 * </ol>
 *
 * A dry run plans and reports what would be sent, touching neither the network nor the log.
 */
public final class Deliverer {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Publishes a pack to the dashboard site; returns a short detail for the log (e.g. the page written). */
  @FunctionalInterface
  public interface SitePublisher {
    String publish(PackDocument doc, Dashboard dashboard) throws IOException;
  }

  private final CompanyDefinition company;
  private final AccessPolicy access;
  private final Directory directory;
  private final DeliverySettings settings;
  private final DeliveryLog log;
  private final @Nullable SitePublisher site;
  private final @Nullable PackExporter attachment;
  private final Set<DeliveryChannel> channels;
  private final RetryPolicy retry;
  private final RetryPolicy.Sleeper sleeper;
  private final RandomGenerator random;
  private final Clock clock;
  private final HttpClient http;
  private final PackRenderer renderer;
  private final boolean resendUnknown;

  private Deliverer(Builder b) {
    this.company = b.company;
    this.access = AccessPolicy.of(b.company);
    this.directory = b.directory != null ? b.directory : Directory.sample(b.company.roles());
    this.settings = b.settings;
    this.log = Objects.requireNonNull(b.log, "log");
    this.site = b.site;
    this.attachment = b.attachment;
    this.channels = b.channels;
    this.retry = b.retry;
    this.sleeper = b.sleeper;
    this.random = b.random;
    this.clock = b.clock;
    this.http = b.http != null ? b.http : HttpSender.client();
    this.renderer = b.renderer;
    this.resendUnknown = b.resendUnknown;
  }

  /** A builder over {@code company}; set at least the {@link Builder#log delivery log}. */
  public static Builder builder(CompanyDefinition company) {
    return new Builder(company);
  }

  /** The dispatches {@code full} (the unredacted pack of {@code pack}) turns into. */
  public List<Dispatch> plan(PackDefinition pack, PackDocument full) {
    String period = periodOf(full);
    List<Dispatch> out = new ArrayList<>();
    for (Delivery d : pack.delivery()) {
      if (!channels.contains(d.channel())) {
        continue;
      }
      switch (d.channel()) {
        case SLACK -> {
          List<String> audience = pack.recipientRoles();
          out.add(new Dispatch(DeliveryChannel.SLACK, d.target(), audience, key(pack, period, d.channel(), d.target()),
              access.redactForAudience(full, audience)));
        }
        case EMAIL -> {
          for (Person p : emailRecipients(pack, d)) {
            out.add(new Dispatch(DeliveryChannel.EMAIL, p.email(), p.roles(),
                key(pack, period, d.channel(), p.email().toLowerCase(java.util.Locale.ROOT)), access.redact(full, p.roles())));
          }
        }
        case DASHBOARD -> {
          Dashboard dash = dashboard(d.target());
          out.add(new Dispatch(DeliveryChannel.DASHBOARD, d.target(), dash.access(),
              key(pack, period, d.channel(), d.target()), access.redactForAudience(full, dash.access())));
        }
      }
    }
    return out;
  }

  /** Plans and delivers {@code full}; with {@code dryRun}, only reports what would happen. */
  public DeliveryReport deliver(PackDefinition pack, PackDocument full, boolean dryRun) {
    String period = periodOf(full);
    List<DeliveryResult> results = new ArrayList<>();
    for (Dispatch d : plan(pack, full)) {
      results.add(dryRun ? dryRun(d) : send(d));
    }
    DeliveryReport.OwnerNotice notice = null;
    if (!dryRun && results.stream().anyMatch(r -> r.outcome().problem())) {
      notice = notifyOwner(pack, period, results);
    }
    return new DeliveryReport(pack.id(), period, dryRun, results, notice);
  }

  /** What {@code d} would send: the Slack JSON or the e-mail as a MIME message ({@code .eml}). */
  public Payload payload(Dispatch d) {
    try {
      return switch (d.channel()) {
        case SLACK -> new Payload("json", JSON.writerWithDefaultPrettyPrinter()
            .writeValueAsString(slackBody(d)).getBytes(StandardCharsets.UTF_8));
        case EMAIL -> {
          DeliverySettings.Smtp smtp = settings.smtp().orElse(new DeliverySettings.Smtp("localhost", 25, false, null, null,
              "companyos@localhost", Duration.ofSeconds(30)));
          EmailSender sender = new EmailSender(smtp, RetryPolicy.NONE, sleeper, random);
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          sender.message(sender.session(), email(d), d.document().asOf()).writeTo(out);
          yield new Payload("eml", out.toByteArray());
        }
        case DASHBOARD -> new Payload("html", renderer.render(d.document(), PackFormat.HTML).getBytes(StandardCharsets.UTF_8));
      };
    } catch (IOException | jakarta.mail.MessagingException e) {
      throw new DeliveryException("COS-DLV-005", "cannot build the " + d.channel().yamlName() + " payload: " + e.getMessage(),
          d.destination(), null, e);
    }
  }

  /** A payload file: its extension and bytes. */
  public record Payload(String extension, byte[] bytes) {}

  private DeliveryResult dryRun(Dispatch d) {
    Optional<DeliveryLog.Entry> last = log.latest(d.key());
    if (last.isPresent() && last.get().status() == DeliveryLog.Status.SENT) {
      return new DeliveryResult(d, DeliveryResult.Outcome.ALREADY_SENT, 0, "sent " + last.get().at());
    }
    Optional<DeliveryResult> invalid = invalidSettings(d);
    if (invalid.isPresent()) {
      return invalid.get();
    }
    Optional<String> missing = missingSettings(d);
    if (missing.isPresent()) {
      return new DeliveryResult(d, DeliveryResult.Outcome.NOT_CONFIGURED, 0, missing.get() + "; would send " + describe(d));
    }
    return new DeliveryResult(d, DeliveryResult.Outcome.WOULD_SEND, 0, describe(d));
  }

  /** A setting of {@code d}'s channel that cannot be used (a malformed webhook URL, ...), as a result. */
  private Optional<DeliveryResult> invalidSettings(Dispatch d) {
    try {
      missingSettings(d);
      return Optional.empty();
    } catch (DeliveryException e) {
      return Optional.of(new DeliveryResult(d, DeliveryResult.Outcome.NOT_CONFIGURED, 0, e.oneLine()));
    }
  }

  private DeliveryResult send(Dispatch d) {
    Optional<DeliveryResult> invalid = invalidSettings(d);
    if (invalid.isPresent()) {
      return invalid.get();
    }
    Optional<String> missing = missingSettings(d);
    if (missing.isPresent()) {
      return new DeliveryResult(d, DeliveryResult.Outcome.NOT_CONFIGURED, 0, missing.get());
    }
    // A Slack post is not idempotent: one whose outcome is unknown is sent again only when asked. E-mail
    // carries the same Message-ID on every attempt and the dashboard is rewritten, so they are resent.
    DeliveryLog.Claim claim = log.claim(d.key(), clock.instant(), resendUnknown || d.channel() != DeliveryChannel.SLACK);
    if (!claim.granted()) {
      DeliveryLog.Entry last = Objects.requireNonNull(claim.previous());
      String when = last.status().name().toLowerCase(java.util.Locale.ROOT) + " " + last.at();
      return switch (last.status()) {
        case SENT -> new DeliveryResult(d, DeliveryResult.Outcome.ALREADY_SENT, 0, when);
        case UNKNOWN -> new DeliveryResult(d, DeliveryResult.Outcome.UNKNOWN, 0, when + ": " + last.detail()
            + (last.detail().contains("--resend-unknown") ? "" : "; check the channel, then rerun with --resend-unknown if it is missing"));
        default -> new DeliveryResult(d, DeliveryResult.Outcome.IN_PROGRESS, 0, when + " by a run still in progress");
      };
    }
    String before = claim.closedAbandoned().isPresent() ? " (an earlier run claimed it and ended without an outcome; sent again)" : "";
    SendResult r;
    try {
      r = switch (d.channel()) {
        case SLACK -> sendSlack(d);
        case EMAIL -> new EmailSender(settings.smtp().orElseThrow(), retry, sleeper, random).send(email(d), clock.instant());
        case DASHBOARD -> SendResult.ok(1, Objects.requireNonNull(site).publish(d.document(), dashboard(d.destination())));
      };
    } catch (IOException | RuntimeException e) {
      r = SendResult.failed(1, io.companyos.model.base.Redaction.message(e.getClass().getSimpleName() + ": " + e.getMessage()));
    }
    log.record(d.key(), clock.instant(), r.status(), r.attempts(), r.detail() + before);
    return new DeliveryResult(d, r.delivered() ? DeliveryResult.Outcome.SENT
        : r.unknown() ? DeliveryResult.Outcome.UNKNOWN : DeliveryResult.Outcome.FAILED, r.attempts(), r.detail() + before);
  }

  private Optional<String> missingSettings(Dispatch d) {
    return switch (d.channel()) {
      case SLACK -> settings.slack(d.destination()).isPresent() ? Optional.empty()
          : Optional.of("not configured: " + DeliverySettings.slackHint(d.destination()));
      case EMAIL -> settings.smtp().isPresent() ? Optional.empty()
          : Optional.of("not configured: set COMPANYOS_SMTP_HOST and COMPANYOS_SMTP_FROM");
      case DASHBOARD -> site != null ? Optional.empty() : Optional.of("not configured: no dashboard site to publish to");
    };
  }

  private String describe(Dispatch d) {
    return switch (d.channel()) {
      case SLACK -> {
        ObjectNode body = slackBody(d);
        yield body.get("blocks").size() + " blocks, " + d.document().availabilityLine();
      }
      case EMAIL -> "subject \"" + subject(d.document()) + "\", text + HTML" + (attachment == null ? ""
          : " + " + ArtifactStore.fileStem(d.document()) + "." + attachment.fileExtension()) + ", " + d.document().availabilityLine();
      case DASHBOARD -> "dashboard page for " + String.join(", ", d.audience());
    };
  }

  private SendResult sendSlack(Dispatch d) {
    DeliverySettings.SlackRoute route = settings.slack(d.destination()).orElseThrow();
    ObjectNode body = slackBody(d);
    JsonPoster sender = new JsonPoster(http, retry, sleeper, random, Duration.ofSeconds(30));
    try {
      if (route instanceof DeliverySettings.SlackRoute.Api api) {
        body.put("channel", d.destination());
        return sender.post(api.endpoint(), JSON.writeValueAsString(body), Map.of("Authorization", "Bearer " + api.token()),
            Deliverer::slackOk);
      }
      DeliverySettings.SlackRoute.Webhook hook = (DeliverySettings.SlackRoute.Webhook) route;
      return sender.post(hook.url(), JSON.writeValueAsString(body), Map.of(), b -> true);
    } catch (IOException e) {
      return SendResult.failed(0, "cannot write the message: " + e.getMessage());
    }
  }

  private static boolean slackOk(String body) {
    try {
      JsonNode n = JSON.readTree(body);
      return n != null && n.path("ok").asBoolean(false);
    } catch (IOException e) {
      return false;
    }
  }

  private ObjectNode slackBody(Dispatch d) {
    return SlackMessage.of(d.document(), link(d.document()));
  }

  private @Nullable String link(PackDocument doc) {
    Optional<String> base = settings.dashboardBaseUrl();
    if (base.isEmpty()) {
      return null;
    }
    return company.pack(doc.packId()).flatMap(p -> p.delivery().stream().filter(x -> x.channel() == DeliveryChannel.DASHBOARD)
        .findFirst()).map(x -> base.get() + x.target() + "/").orElse(base.get() + "/");
  }

  private EmailSender.Email email(Dispatch d) {
    PackDocument doc = d.document();
    String text = renderer.render(doc, PackFormat.MD);
    String html = renderer.render(doc, PackFormat.HTML);
    EmailSender.Attachment att = null;
    if (attachment != null) {
      try {
        att = new EmailSender.Attachment(ArtifactStore.fileStem(doc) + "-" + doc.packId() + "." + attachment.fileExtension(),
            attachment.mediaType(), attachment.exportToBytes(doc));
      } catch (IOException e) {
        throw new DeliveryException("COS-DLV-004", "cannot export the " + attachment.format() + " attachment: " + e.getMessage(),
            doc.packId(), "check the exporter or send without the attachment", e);
      }
    }
    return new EmailSender.Email(List.of(d.destination()), subject(doc), text, html, att, d.key().value() + "@companyos");
  }

  private static String subject(PackDocument doc) {
    return doc.title() + " — " + doc.period().label() + (doc.partial() ? " (" + doc.availabilityLine() + ")" : "");
  }

  private List<Person> emailRecipients(PackDefinition pack, Delivery d) {
    if (d.toRecipients()) {
      return directory.holding(pack.recipientRoles(), company.roles());
    }
    List<Person> out = new ArrayList<>();
    for (String address : d.target().split("[,;\\s]+")) {
      if (address.isBlank()) {
        continue;
      }
      out.add(directory.people().stream().filter(p -> p.email().equalsIgnoreCase(address)).findFirst()
          .orElse(new Person(address, address, pack.recipientRoles())));
    }
    return out;
  }

  private Dashboard dashboard(String url) {
    String u = url.replaceAll("/+$", "");
    return company.dashboards().stream().filter(x -> x.url().replaceAll("/+$", "").equals(u)).findFirst()
        .orElseThrow(() -> new DeliveryException("COS-DLV-006", "no dashboard has the url '" + url + "'", url,
            "use one of: " + String.join(", ", company.dashboards().stream().map(Dashboard::url).toList())));
  }

  private DeliveryReport.OwnerNotice notifyOwner(PackDefinition pack, String period, List<DeliveryResult> results) {
    String owner = ownerRole(pack);
    List<String> to = directory.holding(List.of(owner), company.roles()).stream().map(Person::email).toList();
    StringBuilder text = new StringBuilder("Delivery of \"" + pack.name() + "\" (" + pack.id() + ", " + period
        + ") did not reach every destination:\n\n");
    for (DeliveryResult r : results) {
      if (r.outcome().problem()) {
        text.append("- ").append(r.dispatch().channel().yamlName()).append(' ').append(r.dispatch().destination())
            .append(": ").append(r.outcome().name().toLowerCase(java.util.Locale.ROOT)).append(" — ").append(r.detail()).append('\n');
      }
    }
    text.append("\nRerun `companyos deliver ").append(pack.id())
        .append("` after fixing the cause: destinations already reached are skipped.\n");
    Optional<DeliverySettings.Smtp> smtp;
    try {
      smtp = settings.smtp();
    } catch (DeliveryException e) {
      return new DeliveryReport.OwnerNotice(owner, to, text.toString(), DeliveryResult.Outcome.NOT_CONFIGURED, e.oneLine());
    }
    if (smtp.isEmpty() || to.isEmpty()) {
      return new DeliveryReport.OwnerNotice(owner, to, text.toString(), DeliveryResult.Outcome.NOT_CONFIGURED,
          smtp.isEmpty() ? "no SMTP settings" : "nobody in the directory holds " + owner);
    }
    DeliveryKey key = key(pack, period, "notice", owner);
    if (!log.claim(key, clock.instant(), true).granted()) {
      return new DeliveryReport.OwnerNotice(owner, to, text.toString(), DeliveryResult.Outcome.ALREADY_SENT,
          "the owner was told about this period before");
    }
    SendResult r;
    try {
      r = new EmailSender(smtp.get(), retry, sleeper, random).send(new EmailSender.Email(to,
          "Delivery problem: " + pack.name() + " — " + period, text.toString(), "<pre>" + htmlEscape(text.toString()) + "</pre>",
          null, key.value() + "@companyos"), clock.instant());
    } catch (RuntimeException e) {
      r = SendResult.failed(1, e.getClass().getSimpleName() + ": " + e.getMessage()); // never leave the claim open
    }
    log.record(key, clock.instant(), r.status(), r.attempts(), r.detail());
    return new DeliveryReport.OwnerNotice(owner, to, text.toString(),
        r.delivered() ? DeliveryResult.Outcome.SENT : DeliveryResult.Outcome.FAILED, io.companyos.model.base.Redaction.message(r.detail()));
  }

  /** The role told about failed deliveries of {@code pack}. */
  public String ownerRole(PackDefinition pack) {
    String meeting = pack.meeting();
    if (meeting != null) {
      Optional<String> accountable = company.raci().forMeeting(meeting).map(a -> a.accountable());
      if (accountable.isPresent()) {
        return accountable.get();
      }
      Optional<Meeting> m = company.rhythm().meeting(meeting);
      if (m.isPresent()) {
        return m.get().owner();
      }
    }
    return pack.recipientRoles().isEmpty() ? "leadership" : pack.recipientRoles().get(0);
  }

  private static String htmlEscape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static DeliveryKey key(PackDefinition pack, String period, DeliveryChannel channel, String destination) {
    return key(pack, period, channel.yamlName(), destination);
  }

  private static DeliveryKey key(PackDefinition pack, String period, String channel, String destination) {
    return new DeliveryKey(pack.id(), period, channel, destination);
  }

  private static String periodOf(PackDocument doc) {
    return doc.period().label() + " (" + doc.period().start() + ".." + doc.period().end() + ")";
  }

  /** Options of a {@link Deliverer}. */
  public static final class Builder {
    private final CompanyDefinition company;
    private @Nullable Directory directory;
    private DeliverySettings settings = DeliverySettings.fromEnvironment();
    private @Nullable DeliveryLog log;
    private @Nullable SitePublisher site;
    private @Nullable PackExporter attachment;
    private Set<DeliveryChannel> channels = EnumSet.allOf(DeliveryChannel.class);
    private RetryPolicy retry = RetryPolicy.DEFAULT;
    private RetryPolicy.Sleeper sleeper = RetryPolicy.Sleeper.real();
    private RandomGenerator random = new java.util.SplittableRandom();
    private Clock clock = Clock.systemUTC();
    private @Nullable HttpClient http;
    private PackRenderer renderer = new PackRenderer();
    private boolean resendUnknown;

    private Builder(CompanyDefinition company) {
      this.company = Objects.requireNonNull(company, "company");
    }

    /** Who receives e-mail by role. Default: the sample company's directory. */
    public Builder directory(Directory d) {
      this.directory = d;
      return this;
    }

    /** Webhooks, tokens and SMTP server. Default: from the environment. */
    public Builder settings(DeliverySettings s) {
      this.settings = s;
      return this;
    }

    /** The delivery log (required). */
    public Builder log(DeliveryLog l) {
      this.log = l;
      return this;
    }

    /** How the dashboard channel publishes; without one, dashboard dispatches are reported as not configured. */
    public Builder site(SitePublisher s) {
      this.site = s;
      return this;
    }

    /** An exporter whose output is attached to every e-mail (e.g. the PDF exporter); none by default. */
    public Builder attachment(@Nullable PackExporter exporter) {
      this.attachment = exporter;
      return this;
    }

    /** Only these channels (default: all). */
    public Builder channels(Set<DeliveryChannel> only) {
      this.channels = only.isEmpty() ? EnumSet.allOf(DeliveryChannel.class) : EnumSet.copyOf(only);
      return this;
    }

    public Builder retry(RetryPolicy r) {
      this.retry = r;
      return this;
    }

    /** How to wait between attempts (tests record instead of sleeping). */
    public Builder sleeper(RetryPolicy.Sleeper s) {
      this.sleeper = s;
      return this;
    }

    /** The jitter's random source (seed it for repeatable waits). */
    public Builder random(RandomGenerator r) {
      this.random = r;
      return this;
    }

    /** The clock for log times and e-mail dates. */
    public Builder clock(Clock c) {
      this.clock = c;
      return this;
    }

    /** The HTTP client for Slack; {@link HttpSender#client()} (no redirects followed) by default. */
    public Builder http(HttpClient c) {
      this.http = c;
      return this;
    }

    /** The renderer for e-mail bodies and dashboard previews (e.g. with template overrides). */
    public Builder renderer(PackRenderer r) {
      this.renderer = r;
      return this;
    }

    /**
     * Send Slack posts whose outcome is unknown again (the request went out but no answer came, or the run
     * that claimed them ended); by default they are reported as {@code unknown} and not repeated.
     */
    public Builder resendUnknown(boolean resend) {
      this.resendUnknown = resend;
      return this;
    }

    public Deliverer build() {
      return new Deliverer(this);
    }
  }
}
