package dev.myaccount.notification;

import java.net.URI;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where messages go. Email goes by SMTP when {@code spring.mail.host} is set, from {@code mailFrom}. Text
 * messages go to {@code smsWebhook} when it is set: a POST with {@code smsHeaders} and the body
 * {@code smsBody}, in which {@code {to}} and {@code {text}} are replaced by the number and the text (as JSON
 * strings). Messages that have nowhere to go wait in the outbox table; with {@code echo} (demo mode) they
 * are also written to the log, so that a demo works without a mail server.
 */
@ConfigurationProperties("myaccount.notification")
public record NotificationProperties(
        @DefaultValue("myaccount@localhost") String mailFrom,
        URI smsWebhook,
        @DefaultValue Map<String, String> smsHeaders,
        @DefaultValue("{\"to\": {to}, \"text\": {text}}") String smsBody,
        boolean echo) {
}
