package dev.myaccount.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;

/**
 * An SMTP server that takes the connection and then says nothing: the portal's mail settings give up on it, so the
 * request that sends a code or a notice answers, and the message waits in the outbox, rather than a request thread
 * waiting for ever (JavaMail's own default).
 */
@PortalTest
class MailServerThatNeverAnswersTest extends PortalTestCase {

    @Autowired
    JavaMailSender configured;

    @Autowired
    Notifier notifier;

    @Test
    void anEmailToAServerThatNeverAnswersIsGivenUpOnAndKeptInTheOutbox() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            JavaMailSenderImpl mail = (JavaMailSenderImpl) configured;
            int port = mail.getPort();
            mail.setPort(silent.getLocalPort());
            try {
                boolean sent = assertTimeoutPreemptively(Duration.ofSeconds(30),
                        () -> notifier.email("pat@example.net", "A subject", "A text"));

                assertThat(sent).isFalse();
            } finally {
                mail.setPort(port);
            }
        }
        assertThat(jdbc.sql("select count(*) from outbox_message where recipient = 'pat@example.net' and sent_at is null")
                .query(Integer.class).single()).isEqualTo(1);
    }
}
