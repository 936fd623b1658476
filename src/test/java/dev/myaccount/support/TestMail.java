package dev.myaccount.support;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        try {
            return newest(address).getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of the newest message to {@code address}, decoded as a mail program shows it. */
    public static String lastText(String address) {
        try {
            return String.valueOf(newest(address).getContent());
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many messages {@code address} received so far. */
    public static int count(String address) {
        return to(address).size();
    }

    /**
     * The code of the first message to {@code address} after the {@code before} it had, waited for: some
     * messages (those of a reset) leave after the page has answered.
     */
    public static String newCode(String address, int before) {
        awaitMore(address, before);
        return code(to(address).get(before));
    }

    /** The subject of the first message to {@code address} after the {@code before} it had, waited for. */
    public static String newSubject(String address, int before) {
        awaitMore(address, before);
        try {
            return to(address).get(before).getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for {@code address} to have more than {@code before} messages: notices leave after the commit. */
    private static void awaitMore(String address, int before) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (count(address) <= before) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No new email to " + address);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The code in the newest message to {@code address}. */
    public static String lastCode(String address) {
        return code(newest(address));
    }

    /** The newest message to {@code address}, waited for when there is none yet. */
    private static MimeMessage newest(String address) {
        awaitMore(address, 0);
        List<MimeMessage> messages = to(address);
        return messages.get(messages.size() - 1);
    }

    private static String code(MimeMessage message) {
        Matcher code = CODE.matcher(GreenMailUtil.getBody(message));
        if (!code.find()) {
            throw new AssertionError("No code in the email");
        }
        return code.group(1);
    }
}
