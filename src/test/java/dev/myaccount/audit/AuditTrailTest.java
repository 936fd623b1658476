package dev.myaccount.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

/** Every security-relevant step of a person lands in the audit log, with the address and browser it came from. */
@PortalTest
class AuditTrailTest extends PortalTestCase {

    private static final String BROWSER = "AuditTrailTest/1.0 (a browser of the test)";

    private record Row(String type, String clientAddress, String userAgent, String detail) {
    }

    @Test
    void signInsSignOutsReviewsAndEndedSessionsAreAuditedWithAddressAndUserAgent() {
        Person person = people.create();
        PortalClient browser = new PortalClient(port).withHeader("User-Agent", BROWSER);
        browser.signIn(person.upn(), "a wrong password");
        browser.signIn(person.upn(), person.password());
        browser.submit(browser.get("/sign-ins").page(), "form[action*=looks-good]", Map.of());
        browser.submit(browser.get("/sign-ins").page(), "form[action*=not-me]", Map.of());
        browser.submit(browser.get("/").page(), "form[action=/signout]", Map.of());

        List<Row> rows = jdbc.sql("""
                select type, client_address, user_agent, detail from audit_event where account_id = ?
                order by occurred_at, type""").param(person.id())
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();

        assertThat(rows).extracting(Row::type).containsExactly("sign-in.failed", "sign-in.succeeded",
                "sign-in.reviewed", "sign-in.reviewed", "sessions.others-ended", "signed-out");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.clientAddress()).isEqualTo("127.0.0.1");
            assertThat(row.userAgent()).isEqualTo(BROWSER);
        });
        assertThat(rows).extracting(Row::detail).containsExactly("wrong_password", null, "looks-good", "not-me",
                null, null);
    }
}
