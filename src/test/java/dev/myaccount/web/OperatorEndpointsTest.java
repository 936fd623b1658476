package dev.myaccount.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Signature;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;

/** Operators' figures on the management port; the portal's own port does not serve them. */
@PortalTest
class OperatorEndpointsTest extends PortalTestCase {

    @LocalManagementPort
    int managementPort;

    @Test
    void prometheusShowsSignInsLockoutsAndHashing() throws Exception {
        var person = people.create();
        new PortalClient(port).signIn(person.upn(), person.password());
        new PortalClient(port).signIn(person.upn(), "wrong");

        String figures = get("http://127.0.0.1:" + managementPort + "/actuator/prometheus");

        assertThat(figures).contains("myaccount_signin_attempts_total{outcome=\"succeeded\"}",
                "myaccount_signin_attempts_total{outcome=\"wrong_password\"}", "myaccount_signin_lockouts_total",
                "myaccount_password_hashing_seconds_count", "myaccount_password_hashing_queue",
                "myaccount_password_hashing_rejected_total", "myaccount_signin_duration_seconds_sum");
        assertThat(get("http://127.0.0.1:" + managementPort + "/actuator/health")).contains("\"UP\"");
    }

    @Test
    void aLockoutShowsInTheFiguresWithItsValue() throws Exception {
        var person = people.create();
        double lockoutsBefore = figure("myaccount_signin_lockouts_total");
        double wrongBefore = figure("myaccount_signin_attempts_total{outcome=\"wrong_password\"}");
        double lockedBefore = figure("myaccount_signin_attempts_total{outcome=\"locked\"}");
        for (int i = 0; i < 10; i++) {
            new PortalClient(port).signIn(person.upn(), "wrong " + i);
        }
        new PortalClient(port).signIn(person.upn(), person.password());

        assertThat(figure("myaccount_signin_lockouts_total")).isEqualTo(lockoutsBefore + 1);
        assertThat(figure("myaccount_signin_attempts_total{outcome=\"wrong_password\"}")).isEqualTo(wrongBefore + 10);
        assertThat(figure("myaccount_signin_attempts_total{outcome=\"locked\"}")).isEqualTo(lockedBefore + 1);
    }

    /** The value of one line of the Prometheus figures; 0 before it first appears. */
    private double figure(String name) throws Exception {
        return get("http://127.0.0.1:" + managementPort + "/actuator/prometheus").lines()
                .filter(line -> line.startsWith(name + " ")).map(line -> Double.parseDouble(line.split(" ")[1]))
                .findFirst().orElse(0.0);
    }

    @Test
    void readinessIsTheSignalForLoadBalancers() throws Exception {
        assertThat(get("http://127.0.0.1:" + managementPort + "/actuator/health/readiness")).contains("\"UP\"");
        assertThat(get("http://127.0.0.1:" + managementPort + "/actuator/health/liveness")).contains("\"UP\"");
    }

    /** On Linux on x86-64, where AWS-LC's library loads, it signs the tokens, and the health details say so. */
    @Test
    void tokensAreSignedByAwsLcAndTheHealthDetailsSaySo() throws Exception {
        assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"));

        assertThat(Signature.getInstance("SHA256withRSA").getProvider().getName())
                .isEqualTo("AmazonCorrettoCryptoProvider");
        assertThat(Signature.getInstance("SHA256withECDSA").getProvider().getName())
                .isEqualTo("AmazonCorrettoCryptoProvider");
        assertThat(get("http://127.0.0.1:" + managementPort + "/actuator/health")).contains(
                "\"cryptography\":{\"details\":{\"provider\":\"AmazonCorrettoCryptoProvider\"},\"status\":\"UP\"}");
    }

    @Test
    void thePortalsOwnPortDoesNotServeThem() {
        assertThat(new PortalClient(port).get("/actuator/prometheus").status()).isIn(302, 404);
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
