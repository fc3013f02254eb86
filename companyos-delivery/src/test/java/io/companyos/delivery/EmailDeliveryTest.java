package io.companyos.delivery;

import io.companyos.model.base.RetryPolicy;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.companyos.model.pack.DeliveryChannel;
import io.companyos.render.AccessPolicy;
import io.companyos.render.PackDocument;
import io.companyos.render.PackSection;
import io.companyos.render.export.PackExporter;
import io.companyos.render.export.PackExporters;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class EmailDeliveryTest {
  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

  @TempDir
  Path dir;

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("COMPANYOS_SMTP_HOST", "127.0.0.1");
    env.put("COMPANYOS_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()));
    env.put("COMPANYOS_SMTP_STARTTLS", "false");
    env.put("COMPANYOS_SMTP_FROM", "rhythm@example.com");
    return env;
  }

  private Deliverer.Builder deliverer(Map<String, String> env) {
    return Deliverer.builder(Packs.COMPANY).settings(DeliverySettings.of(env)).log(new DeliveryLog(dir.resolve("delivery-log.csv")))
        .sleeper(d -> { }).random(new SplittableRandom(1)).clock(CLOCK);
  }

  @Test
  void mailsEveryRecipientRoleFromTheDirectoryWithTextHtmlAndAttachment() throws Exception {
    PackExporter pdf = PackExporters.discover().find("pdf").orElseThrow();
    DeliveryReport r = deliverer(env()).channels(Set.of(DeliveryChannel.EMAIL)).attachment(pdf).build()
        .deliver(Packs.definition("ops-review"), Packs.document("ops-review"), false);

    // ops-review goes to sre_team (sre_lead, sre_oncall) and engineering_leads (team_lead, sre_lead,
    // security_lead, engineering_manager): five people of the sample directory, each once
    assertThat(r.results()).extracting(x -> x.dispatch().destination()).containsExactlyInAnyOrder(
        "sre-lead@example.com", "oncall@example.com", "security-lead@example.com", "team-lead@example.com",
        "eng-manager@example.com");
    assertThat(r.results()).allSatisfy(x -> assertThat(x.outcome()).isEqualTo(DeliveryResult.Outcome.SENT));

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(5);
    PackDocument doc = Packs.document("ops-review");
    for (MimeMessage m : received) {
      assertThat(m.getSubject()).isEqualTo("Weekly Ops Review — " + doc.period().label());
      assertThat(Arrays.stream(m.getFrom()).map(Address::toString)).containsExactly("rhythm@example.com");
      assertThat(m.getRecipients(Message.RecipientType.TO)).hasSize(1);
      assertThat(m.getMessageID()).matches("<[0-9a-f]{24}@companyos>");
      MimeMultipart mixed = (MimeMultipart) m.getContent();
      assertThat(mixed.getContentType()).startsWith("multipart/mixed");
      assertThat(mixed.getCount()).isEqualTo(2);
      MimeMultipart alt = (MimeMultipart) mixed.getBodyPart(0).getContent();
      assertThat(alt.getContentType()).startsWith("multipart/alternative");
      BodyPart text = alt.getBodyPart(0);
      BodyPart html = alt.getBodyPart(1);
      assertThat(text.getContentType()).startsWith("text/plain").contains("UTF-8");
      assertThat(html.getContentType()).startsWith("text/html");
      assertThat((String) text.getContent()).contains("Weekly Ops Review").contains(doc.availabilityLine());
      assertThat((String) html.getContent()).contains("<html").contains("Weekly Ops Review");
      BodyPart att = mixed.getBodyPart(1);
      assertThat(att.getDisposition()).isEqualTo(Part.ATTACHMENT);
      assertThat(att.getFileName()).isEqualTo(io.companyos.render.ArtifactStore.fileStem(doc) + "-ops-review.pdf");
      assertThat(att.getContentType()).startsWith("application/pdf");
      byte[] attached = att.getInputStream().readAllBytes();
      try (org.apache.pdfbox.pdmodel.PDDocument pdf1 = org.apache.pdfbox.Loader.loadPDF(attached)) {
        String pdfText = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf1);
        assertThat(pdfText).contains("Weekly Ops Review").contains(doc.availabilityLine());
        assertThat(pdf1.getNumberOfPages()).isGreaterThanOrEqualTo(2);
      }
    }
    List<String> to = Arrays.stream(received).map(m -> {
      try {
        return m.getRecipients(Message.RecipientType.TO)[0].toString();
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
    assertThat(to).containsExactlyInAnyOrderElementsOf(r.results().stream().map(x -> x.dispatch().destination()).toList());

    // a rerun sends nothing
    DeliveryReport again = deliverer(env()).channels(Set.of(DeliveryChannel.EMAIL)).attachment(pdf).build()
        .deliver(Packs.definition("ops-review"), Packs.document("ops-review"), false);
    assertThat(again.results()).allSatisfy(x -> assertThat(x.outcome()).isEqualTo(DeliveryResult.Outcome.ALREADY_SENT));
    assertThat(smtp.getReceivedMessages()).hasSize(5);
  }

  @Test
  void eachRecipientGetsTheCopyTheirRolesMaySee() throws Exception {
    PackDocument full = Packs.document("product-metrics");
    PackSection restricted = full.section("customer_health").orElseThrow();
    Set<String> secrets = SlackDeliveryTest.uniqueTexts(restricted, full);
    deliverer(env()).channels(Set.of(DeliveryChannel.EMAIL)).build().deliver(Packs.definition("product-metrics"), full, false);

    Map<String, String> bodies = new HashMap<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      MimeMultipart alt = (MimeMultipart) m.getContent();
      bodies.put(m.getRecipients(Message.RecipientType.TO)[0].toString(),
          alt.getBodyPart(0).getContent() + "\n" + alt.getBodyPart(1).getContent());
      m.writeTo(raw);
    }
    // product_team, engineering_team and customer_success
    assertThat(bodies).containsOnlyKeys("product-lead@example.com", "engineer@example.com", "customer-success@example.com");
    assertThat(bodies.get("engineer@example.com")).contains(AccessPolicy.RESTRICTED_PREFIX);
    for (String secret : secrets) {
      assertThat(bodies.get("engineer@example.com")).as("restricted value %s", secret).doesNotContain(secret);
    }
    assertThat(bodies.get("customer-success@example.com")).doesNotContain(AccessPolicy.RESTRICTED_PREFIX + "Customer");
    assertThat(secrets).anySatisfy(s -> assertThat(bodies.get("customer-success@example.com")).contains(
        s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")));
  }

  @Test
  void aFailedChannelTellsTheAccountableOwnerOncePerPeriod() throws Exception {
    Map<String, String> env = env();
    env.put("COMPANYOS_SLACK_WEBHOOK_URL", "http://127.0.0.1:9/closed-port");
    Deliverer d = deliverer(env).channels(Set.of(DeliveryChannel.SLACK)).retry(new RetryPolicy(2, java.time.Duration.ZERO,
        java.time.Duration.ZERO)).build();
    DeliveryReport r = d.deliver(Packs.definition("ops-review"), Packs.document("ops-review"), false);
    assertThat(r.results().get(0).outcome()).isEqualTo(DeliveryResult.Outcome.FAILED);
    assertThat(r.notice()).isNotNull();
    assertThat(r.notice().outcome()).isEqualTo(DeliveryResult.Outcome.SENT);
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("cto@example.com");
    assertThat(received[0].getSubject()).startsWith("Delivery problem: Weekly Ops Review");
    assertThat(((MimeMultipart) received[0].getContent()).getBodyPart(0).getContent().toString())
        .contains("slack #ops-review: failed").contains("companyos deliver ops-review");

    DeliveryReport again = d.deliver(Packs.definition("ops-review"), Packs.document("ops-review"), false);
    assertThat(again.notice().outcome()).isEqualTo(DeliveryResult.Outcome.ALREADY_SENT);
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  void anUnreachableServerIsRetriedThenReportedAsFailed() {
    Map<String, String> env = env();
    env.put("COMPANYOS_SMTP_PORT", "9");
    List<java.time.Duration> waits = new java.util.ArrayList<>();
    DeliveryReport r = Deliverer.builder(Packs.COMPANY).settings(DeliverySettings.of(env))
        .log(new DeliveryLog(dir.resolve("log.csv"))).channels(Set.of(DeliveryChannel.EMAIL)).sleeper(waits::add)
        .retry(new RetryPolicy(3, java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(100))).clock(CLOCK).build()
        .deliver(Packs.definition("board-pack"), Packs.document("board-pack"), false);
    assertThat(r.results()).isNotEmpty().allSatisfy(x -> {
      assertThat(x.outcome()).isEqualTo(DeliveryResult.Outcome.FAILED);
      assertThat(x.attempts()).isEqualTo(3);
      assertThat(x.detail()).contains("gave up after 3 attempts");
    });
    assertThat(waits).hasSize(2 * r.results().size() + 2); // the owner notice is retried too
  }

  @Test
  void aMistypedWebhookUrlNeverShowsInTheReportTheLogOrTheNotice() throws Exception {
    String secret = "XyZSeCrEt123";
    for (String mistyped : java.util.List.of("https://hooks.slack.com/services/T01 /B02/" + secret,
        "https:/hooks.slack.com/services/T01/B02/" + secret, "hooks.slack.com/services/T01/B02/" + secret)) {
      Map<String, String> env = env();
      env.put("COMPANYOS_SLACK_WEBHOOK_URL", mistyped);
      Path log = dir.resolve("log-" + Math.abs(mistyped.hashCode()) + ".csv");
      DeliveryReport r = Deliverer.builder(Packs.COMPANY).settings(DeliverySettings.of(env)).log(new DeliveryLog(log))
          .channels(Set.of(DeliveryChannel.SLACK)).sleeper(w -> { }).random(new SplittableRandom(1)).clock(CLOCK).build()
          .deliver(Packs.definition("ops-review"), Packs.document("ops-review"), false);
      DeliveryResult result = r.results().get(0);
      assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.NOT_CONFIGURED);
      assertThat(result.detail()).startsWith("COMPANYOS_SLACK_WEBHOOK_URL: COS-DLV-003 COMPANYOS_SLACK_WEBHOOK_URL ")
          .contains("the value is not shown").doesNotContain(secret);
      assertThat(r.notice()).isNotNull();
      assertThat(r.notice().text()).doesNotContain(secret).contains("COS-DLV-003");
      assertThat(r.notice().detail()).doesNotContain(secret);
      if (java.nio.file.Files.exists(log)) {
        assertThat(java.nio.file.Files.readString(log)).doesNotContain(secret);
      }
    }
    for (MimeMessage m : smtp.getReceivedMessages()) {
      java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
      m.writeTo(raw);
      assertThat(raw.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain(secret);
    }
  }

  @Test
  void aDeliveryFailureNamingTheWebhookKeepsOnlyItsHost() throws Exception {
    Map<String, String> env = env();
    env.put("COMPANYOS_SLACK_WEBHOOK_URL", "http://127.0.0.1:9/services/T01/B02/XyZSeCrEt123");
    Path log = dir.resolve("delivery-log.csv");
    DeliveryReport r = deliverer(env).channels(Set.of(DeliveryChannel.SLACK)).retry(new RetryPolicy(1, java.time.Duration.ZERO,
        java.time.Duration.ZERO)).build().deliver(Packs.definition("ops-review"), Packs.document("ops-review"), false);
    assertThat(r.results().get(0).outcome()).isEqualTo(DeliveryResult.Outcome.FAILED);
    assertThat(r.results().get(0).detail()).contains("127.0.0.1").doesNotContain("XyZSeCrEt123");
    assertThat(java.nio.file.Files.readString(log)).doesNotContain("XyZSeCrEt123");
    assertThat(r.notice().text()).doesNotContain("XyZSeCrEt123");
  }
}
