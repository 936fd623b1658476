package dev.myaccount.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestMail;
import dev.myaccount.support.TestPeople.Person;

/** A one-time code sent by email is stored only as a keyed hash: once sent, no table holds it in clear. */
@PortalTest
class CodesAreNotKeptInClearTest extends PortalTestCase {

    @Test
    void noTextColumnOfAnyTableHoldsACodeOnceItWasSent() {
        Person person = people.create();
        String address = "pat." + person.id() + "@example.net";
        methods.addEmail(person.id(), address);
        PortalClient browser = new PortalClient(port);
        browser.signIn(person.upn(), person.password());
        Document step = browser.submit(browser.get("/signin/verify").page(), "form[action=/signin/verify/send]",
                Map.of()).page();
        String code = TestMail.lastCode(address);
        assertThat(code).matches("\\d{6}");

        List<String> holding = new ArrayList<>();
        for (Map<String, Object> column : jdbc.sql("""
                select table_name, column_name from information_schema.columns
                where lower(table_schema) = lower(current_schema())
                  and (lower(data_type) like '%char%' or lower(data_type) in ('text', 'clob'))""")
                .query().listOfRows()) {
            String table = column.get("table_name").toString();
            String name = column.get("column_name").toString();
            int found = jdbc.sql("select count(*) from \"" + table + "\" where \"" + name + "\" like ?")
                    .param("%" + code + "%").query(Integer.class).single();
            if (found > 0) {
                holding.add(table + "." + name);
            }
        }

        assertThat(holding).isEmpty();
        assertThat(jdbc.sql("select count(*) from outbox_message where recipient = ? and sent_at is not null")
                .param(address).query(Integer.class).single()).isPositive();
        assertThat(browser.submit(step, "form:has(input[name=code])", Map.of("code", code)).location())
                .hasValue("/");
    }
}
