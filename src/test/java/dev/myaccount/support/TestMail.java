package dev.myaccount.support;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server (GreenMail) in the test JVM, started once on a free port; every test portal sends its
 * email there, so tests read the messages a person would receive.
 */
public final class TestMail {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static GreenMail server;

    private TestMail() {
    }

    public static synchronized int port() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        return server.getSmtp().getPort();
    }

    /** The messages received for {@code address}, oldest first. */
    public static List<MimeMessage> to(String address) {
        port();
        return Arrays.stream(server.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The subject of the newest message to {@code address}. */
    public static String lastSubject(String address) {
        List<MimeMessage> messages = to(address);
        try {
            return messages.get(messages.size() - 1).getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The code in the newest message to {@code address}. */
    public static String lastCode(String address) {
        List<MimeMessage> messages = to(address);
        if (messages.isEmpty()) {
            throw new AssertionError("No email to " + address);
        }
        Matcher code = CODE.matcher(GreenMailUtil.getBody(messages.get(messages.size() - 1)));
        if (!code.find()) {
            throw new AssertionError("No code in the email to " + address);
        }
        return code.group(1);
    }
}
