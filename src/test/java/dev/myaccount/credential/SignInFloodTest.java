package dev.myaccount.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;

/**
 * A flood of 1000 sign-in posts at once: at most two hashes run at any moment (so memory stays within
 * two times Argon2's 19 MiB), those that cannot wait get 503 with Retry-After, and the portal keeps
 * answering pages meanwhile.
 */
@PortalTest
// The gate and the memory are the process's, so the flood runs on H2 alone; the database's part, each post's
// place in the lockout taken at once by many, is SmartLockoutTest's burst on both databases.
@EnabledIfSystemProperty(named = "myaccount.test.database", matches = "h2")
@TestPropertySource(properties = {"myaccount.password-hashing.memory-kib=19456", "myaccount.password-hashing.iterations=2",
    "myaccount.password-hashing.concurrency=2", "myaccount.password-hashing.queue=16",
    "myaccount.password-hashing.max-wait=2s"})
@Import(SignInFloodTest.CountedHashing.class)
class SignInFloodTest extends PortalTestCase {

    private static final int FLOOD = 1000;

    /** Wraps the Argon2id implementation itself, below the gate, to count the hashes that really run at once. */
    @TestConfiguration
    static class CountedHashing {

        static final AtomicInteger RUNNING = new AtomicInteger();
        static final AtomicInteger MOST_RUNNING = new AtomicInteger();
        static final AtomicInteger HASHES = new AtomicInteger();

        @Bean
        static BeanPostProcessor countingHasher() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof Argon2idHasher hasher ? new Counted(hasher) : bean;
                }
            };
        }

        private static final class Counted extends Argon2idHasher {

            private final Argon2idHasher real;

            Counted(Argon2idHasher real) {
                super(real.parameters());
                this.real = real;
            }

            @Override
            byte[] tag(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
                return counted(() -> real.tag(password, salt, memoryKib, iterations, parallelism, length));
            }

            @Override
            String implementation() {
                return real.implementation();
            }

            private static <T> T counted(Supplier<T> hashing) {
                MOST_RUNNING.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
                HASHES.incrementAndGet();
                try {
                    return hashing.get();
                } finally {
                    RUNNING.decrementAndGet();
                }
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(30)).build();

    private record Form(String cookie, String csrf) {
    }

    @Test
    void aThousandConcurrentSignInsLeaveThePortalAnsweringWithinItsMemoryBound() throws Exception {
        int hashesBefore = CountedHashing.HASHES.get();
        List<Form> forms = new ArrayList<>();
        for (int i = 0; i < FLOOD; i++) {
            forms.add(openSignInPage());
        }

        List<CompletableFuture<HttpResponse<String>>> flood = new ArrayList<>();
        for (int i = 0; i < FLOOD; i++) {
            Form form = forms.get(i);
            String body = "upn=" + URLEncoder.encode("flood" + i + "@fabrikam.example", StandardCharsets.UTF_8)
                    + "&password=guess" + i + "&_csrf=" + URLEncoder.encode(form.csrf(), StandardCharsets.UTF_8);
            flood.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/signin"))
                    .header("Cookie", form.cookie()).header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        long start = System.nanoTime();
        int pageStatus = openSignInPageStatus();
        long pageMillis = (System.nanoTime() - start) / 1_000_000;
        CompletableFuture.allOf(flood.toArray(CompletableFuture[]::new)).join();

        List<HttpResponse<String>> answers = flood.stream().map(CompletableFuture::join).toList();
        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isIn(302, 503));
        List<HttpResponse<String>> busy = answers.stream().filter(answer -> answer.statusCode() == 503).toList();
        assertThat(busy).isNotEmpty().allSatisfy(answer -> {
            assertThat(answer.headers().firstValue("Retry-After")).contains("5");
            assertThat(Jsoup.parse(answer.body()).select("h1").text()).isEqualTo("The portal is busy");
        });
        assertThat(pageStatus).isEqualTo(200);
        assertThat(pageMillis).as("a page asked for during the flood").isLessThan(10_000);
        assertThat(CountedHashing.MOST_RUNNING.get()).as("hashes running at once").isEqualTo(2);
        long verdicts = answers.stream().filter(answer -> answer.statusCode() == 302).count();
        assertThat(CountedHashing.HASHES.get() - hashesBefore).as("one hash for each verdict, none for the refused")
                .isEqualTo((int) verdicts);
    }

    private Form openSignInPage() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/signin"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        return new Form(cookie, Jsoup.parse(page.body()).selectFirst("input[name=_csrf]").attr("value"));
    }

    private int openSignInPageStatus() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/signin")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
