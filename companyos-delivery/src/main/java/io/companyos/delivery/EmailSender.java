package io.companyos.delivery;

import io.companyos.model.base.RetryPolicy;

import jakarta.activation.DataHandler;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Sends one e-mail over SMTP (Jakarta Mail, Angus implementation): a plain-text part and an HTML part as
 * {@code multipart/alternative}, plus an optional attachment. The Message-ID is derived from the delivery's
 * idempotency key, so a mail server or client can also recognise a repeat. Connection failures and
 * temporary (4xx) answers are retried with the {@link RetryPolicy}; permanent ones are not: addresses
 * the server rejects, a sender address that is not an address, failed authentication, 5xx answers and
 * settings the mail library refuses (a port out of range). Server answers that span several lines are
 * reported on one.
 */
public final class EmailSender {
  /** An e-mail to send. */
  public record Email(List<String> to, String subject, String text, String html, @Nullable Attachment attachment,
      String messageId) {
    public Email {
      to = List.copyOf(to);
    }
  }

  /** A file attached to an e-mail. */
  public record Attachment(String fileName, String mediaType, byte[] content) {}

  private final DeliverySettings.Smtp smtp;
  private final RetryPolicy retry;
  private final RetryPolicy.Sleeper sleeper;
  private final RandomGenerator random;

  public EmailSender(DeliverySettings.Smtp smtp, RetryPolicy retry, RetryPolicy.Sleeper sleeper, RandomGenerator random) {
    this.smtp = smtp;
    this.retry = retry;
    this.sleeper = sleeper;
    this.random = random;
  }

  /** Sends {@code email}, dated {@code sentAt}. */
  public SendResult send(Email email, Instant sentAt) {
    String last = "not sent";
    for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
      try {
        MimeMessage msg = message(session(), email, sentAt);
        Transport.send(msg);
        return SendResult.ok(attempt, "accepted by " + smtp.host() + ":" + smtp.port());
      } catch (SendFailedException e) {
        return SendResult.failed(attempt, "rejected by " + smtp.host() + ": " + oneLine(e.getMessage()));
      } catch (jakarta.mail.internet.AddressException e) {
        return SendResult.failed(attempt, "not an e-mail address: " + oneLine(e.getMessage()) + " (not retried)");
      } catch (MessagingException e) {
        last = "SMTP " + smtp.host() + ":" + smtp.port() + ": " + oneLine(e.getMessage());
        if (permanent(e)) {
          return SendResult.failed(attempt, last + " (permanent, not retried)");
        }
      } catch (RuntimeException e) {
        return SendResult.failed(attempt, "SMTP " + smtp.host() + ":" + smtp.port() + ": " + e.getClass().getSimpleName() + ": "
            + oneLine(e.getMessage()) + " (not retried)");
      }
      if (attempt < retry.maxAttempts()) {
        Duration wait = retry.delayBefore(attempt + 1, null, random);
        try {
          sleeper.sleep(wait == null ? Duration.ZERO : wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return SendResult.failed(attempt, "interrupted");
        }
      }
    }
    return SendResult.failed(retry.maxAttempts(), last + " (gave up after " + retry.maxAttempts() + " attempts)");
  }

  /**
   * Whether {@code e} will fail the same way on every attempt: failed authentication, or a 5xx answer
   * from the server (its reply code starts the message or follows "response: "). 4xx answers (421
   * closing, 451 try later) and connection failures are temporary.
   */
  static boolean permanent(MessagingException e) {
    if (e instanceof jakarta.mail.AuthenticationFailedException || e instanceof jakarta.mail.internet.ParseException) {
      return true;
    }
    String m = e.getMessage() == null ? "" : e.getMessage().strip();
    return java.util.regex.Pattern.compile("(^|response: |\\n)5\\d\\d[ -]").matcher(m).find()
        && !java.util.regex.Pattern.compile("(^|response: |\\n)4\\d\\d[ -]").matcher(m).find();
  }

  private static String oneLine(@Nullable String message) {
    return io.companyos.model.base.Redaction.printable(message == null ? "" : message.strip()).replaceAll(" {2,}", " ");
  }

  /** The MIME message for {@code email} (exposed for dry runs and tests). */
  public MimeMessage message(Session session, Email email, Instant sentAt) throws MessagingException {
    MimeMessage msg = new FixedIdMessage(session, email.messageId());
    msg.setFrom(new InternetAddress(smtp.from()));
    for (String to : email.to()) {
      msg.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
    }
    msg.setSubject(email.subject(), "UTF-8");
    msg.setSentDate(Date.from(sentAt));
    MimeMultipart alternative = new MimeMultipart("alternative");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(email.text(), "UTF-8", "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(email.html(), "UTF-8", "html");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    Attachment att = email.attachment();
    if (att == null) {
      msg.setContent(alternative);
    } else {
      MimeMultipart mixed = new MimeMultipart("mixed");
      MimeBodyPart body = new MimeBodyPart();
      body.setContent(alternative);
      mixed.addBodyPart(body);
      MimeBodyPart file = new MimeBodyPart();
      file.setDataHandler(new DataHandler(new ByteArrayDataSource(att.content(), att.mediaType())));
      file.setFileName(att.fileName());
      file.setDisposition(MimeBodyPart.ATTACHMENT);
      mixed.addBodyPart(file);
      msg.setContent(mixed);
    }
    msg.saveChanges();
    return msg;
  }

  /** A mail session for the settings (STARTTLS required when configured, timeouts on every step). */
  public Session session() {
    Properties p = new Properties();
    p.put("mail.smtp.host", smtp.host());
    p.put("mail.smtp.port", String.valueOf(smtp.port()));
    String ms = String.valueOf(smtp.timeout().toMillis());
    p.put("mail.smtp.connectiontimeout", ms);
    p.put("mail.smtp.timeout", ms);
    p.put("mail.smtp.writetimeout", ms);
    if (smtp.startTls()) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
    }
    String user = smtp.user();
    String password = smtp.password();
    if (user != null) {
      p.put("mail.smtp.auth", "true");
      return Session.getInstance(p, new Authenticator() {
        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
          return new PasswordAuthentication(user, password == null ? "" : password);
        }
      });
    }
    return Session.getInstance(p);
  }

  private static final class FixedIdMessage extends MimeMessage {
    private final String id;

    FixedIdMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", "<" + id + ">");
    }
  }
}
