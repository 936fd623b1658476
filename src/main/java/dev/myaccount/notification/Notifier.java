package dev.myaccount.notification;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

import dev.myaccount.running.RunningRequests;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sends email and text messages to people. Each message is written to the outbox first and marked sent
 * once the SMTP server or the SMS webhook took it, when its subject and text are cleared; without either, it waits
 * there for the operator. A request lets its turn to run go while a server takes a message.
 */
@Service
public class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);
    private static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(10);

    public enum Channel { EMAIL, SMS }

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mail;
    private final NotificationProperties settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(WEBHOOK_TIMEOUT).build();
    private final JsonMapper json;
    private final Clock clock;
    private final RunningRequests running;

    Notifier(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail, NotificationProperties settings, JsonMapper json,
            Clock clock, RunningRequests running) {
        this.json = json;
        this.jdbc = jdbc;
        this.mail = mail;
        this.settings = settings;
        this.clock = clock;
        this.running = running;
    }

    /** Sends an email; true when an SMTP server took it, false when it waits in the outbox. */
    public boolean email(String to, String subject, String text) {
        UUID id = keep(Channel.EMAIL, to, subject, text);
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.mailFrom());
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        try (RunningRequests.Wait waiting = running.waiting()) {
            sender.send(message);
        } catch (MailException notSent) {
            log.warn("Email {} not sent, kept in the outbox: {}", id, notSent.getMessage());
            return false;
        }
        return markSent(id);
    }

    /** Sends a text message; true when the webhook took it (a 2xx answer), false when it waits in the outbox. */
    public boolean sms(String to, String text) {
        UUID id = keep(Channel.SMS, to, null, text);
        if (settings.smsWebhook() == null) {
            return false;
        }
        String body = settings.smsBody().replace("{to}", json.writeValueAsString(to))
                .replace("{text}", json.writeValueAsString(text));
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.smsWebhook()).timeout(WEBHOOK_TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        settings.smsHeaders().forEach(request::header);
        try (RunningRequests.Wait waiting = running.waiting()) {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                log.warn("Text message {} not taken by the webhook (HTTP {}), kept in the outbox", id, status);
                return false;
            }
        } catch (IOException notSent) {
            log.warn("Text message {} not sent, kept in the outbox: {}", id, notSent.getMessage());
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
        return markSent(id);
    }

    private UUID keep(Channel channel, String to, String subject, String text) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into outbox_message (id, channel, recipient, subject, body, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, channel.name(), to, subject, text, clock.instant().atOffset(ZoneOffset.UTC)).update();
        if (settings.echo()) {
            log.info("Demo mode, {} to {}: {}{}", channel, to, subject == null ? "" : subject + " / ", text);
        }
        return id;
    }

    /** Marks the message sent and forgets what it said: a one-time code must not outlive its sending in clear. */
    private boolean markSent(UUID id) {
        jdbc.sql("update outbox_message set sent_at = ?, subject = null, body = null where id = ?")
                .params(clock.instant().atOffset(ZoneOffset.UTC), id).update();
        return true;
    }
}
