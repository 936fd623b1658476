package dev.myaccount.securityinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import dev.myaccount.securityinfo.MethodCheck.Sending;
import dev.myaccount.securityinfo.OneTimeCodes.Budget;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestClock;
import dev.myaccount.support.TestClockConfiguration;

/** Codes by message: single-use, ten minutes, five tries, stored as keyed hashes, replaced, and limited. */
@PortalTest
@Import(TestClockConfiguration.class)
class OneTimeCodesTest extends PortalTestCase {

    private static final String WHERE = "pat@example.net";

    @Autowired
    OneTimeCodes codes;

    @Autowired
    TestClock clock;

    @Test
    void aCodeWorksOnceAndOnlyForItsPurposeAndDestination() {
        UUID account = people.create().id();
        String code = send(account, "purpose", "203.0.113.1");

        assertThat(codes.check(account, "other purpose", WHERE, code)).isFalse();
        assertThat(codes.check(account, "purpose", "someone@example.net", code)).isFalse();
        assertThat(codes.check(account, "purpose", WHERE, code)).isTrue();
        assertThat(codes.check(account, "purpose", WHERE, code)).isFalse();
    }

    @Test
    void aCodeExpiresAfterTenMinutes() {
        UUID account = people.create().id();
        String code = send(account, "purpose", "203.0.113.2");

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        assertThat(codes.check(account, "purpose", WHERE, code)).isFalse();
    }

    @Test
    void afterFiveWrongTriesEvenTheRightCodeIsRefused() {
        UUID account = people.create().id();
        String code = send(account, "purpose", "203.0.113.3");
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertThat(codes.check(account, "purpose", WHERE, wrong)).isFalse();
        }

        assertThat(codes.check(account, "purpose", WHERE, code)).isFalse();
    }

    @Test
    void aNewCodeReplacesTheOld() {
        UUID account = people.create().id();
        String first = send(account, "purpose", "203.0.113.4");
        String second = send(account, "purpose", "203.0.113.4");

        assertThat(first.equals(second) || !codes.check(account, "purpose", WHERE, first)).isTrue();
        assertThat(codes.check(account, "purpose", WHERE, second)).isTrue();
    }

    @Test
    void onlyAKeyedHashOfTheCodeIsStored() {
        UUID account = people.create().id();
        String code = send(account, "purpose", "203.0.113.5");

        String stored = jdbc.sql("select code_hash from one_time_code where account_id = ?").param(account)
                .query(String.class).single();
        assertThat(stored).doesNotContain(code).hasSize(44);
    }

    @Test
    void aPersonGetsFiveCodesInFifteenMinutesAndAnAddressThirty() {
        UUID account = people.create().id();
        List<Sending> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(codes.send(account, "purpose", Budget.OWN, WHERE, "203.0.113.6", code -> { }));
        }
        assertThat(answers).containsExactly(Sending.SENT, Sending.SENT, Sending.SENT, Sending.SENT, Sending.SENT,
                Sending.TOO_MANY);

        List<Sending> fromOneAddress = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            fromOneAddress.add(codes.send(people.create().id(), "purpose", Budget.OWN, WHERE, "203.0.113.7",
                    code -> { }));
        }
        assertThat(fromOneAddress.subList(0, 30)).containsOnly(Sending.SENT);
        assertThat(fromOneAddress.get(30)).isEqualTo(Sending.TOO_MANY);
    }

    @Test
    void aPersonsFiveCodesComeBackAsTheWindowPassesByTheApplicationsClock() {
        UUID account = people.create().id();
        for (int i = 0; i < 5; i++) {
            codes.send(account, "purpose", Budget.OWN, WHERE, "203.0.113.8", code -> { });
        }
        assertThat(codes.send(account, "purpose", Budget.OWN, WHERE, "203.0.113.8", code -> { }))
                .isEqualTo(Sending.TOO_MANY);

        clock.advance(Duration.ofMinutes(15));

        assertThat(codes.send(account, "purpose", Budget.OWN, WHERE, "203.0.113.8", code -> { }))
                .isEqualTo(Sending.SENT);
    }

    @Test
    void resetCodesAStrangerAsksForUseUpNoneOfThePersonsOwnCodes() {
        UUID account = people.create().id();
        List<Sending> resets = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            resets.add(codes.send(account, "reset:" + i, Budget.RESET, "pat." + account + "@example.net",
                    "198.51.100." + i, code -> { }));
        }

        assertThat(resets).containsExactly(Sending.SENT, Sending.SENT, Sending.SENT, Sending.SENT, Sending.SENT,
                Sending.TOO_MANY);
        for (int i = 0; i < 5; i++) {
            assertThat(codes.send(account, "sign_in", Budget.OWN, "pat." + account + "@example.net", "203.0.113.9",
                    code -> { })).as("the person's own code %d", i).isEqualTo(Sending.SENT);
        }
    }

    @Test
    void aDestinationGetsFiveCodesForNewMethodsAndResetsWhoeverAsksFromWherever() {
        String number = "+3161" + String.format("%07d", Math.floorMod(UUID.randomUUID().hashCode(), 10_000_000));
        List<Sending> sent = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sent.add(codes.send(people.create().id(), "add", i % 2 == 0 ? Budget.NEW_DESTINATION : Budget.RESET,
                    number, "192.0.2." + i, code -> { }));
        }

        assertThat(sent).containsExactly(Sending.SENT, Sending.SENT, Sending.SENT, Sending.SENT, Sending.SENT,
                Sending.TOO_MANY);
    }

    @Test
    void theAddressesOfOneIpv6SlashSixtyFourShareTheirThirtyCodes() {
        List<Sending> fromOneNetwork = new ArrayList<>();
        for (int i = 1; i <= 31; i++) {
            fromOneNetwork.add(codes.send(people.create().id(), "purpose", Budget.OWN, WHERE, "2001:db8:7:7::" + i,
                    code -> { }));
        }
        assertThat(fromOneNetwork.subList(0, 30)).containsOnly(Sending.SENT);
        assertThat(fromOneNetwork.get(30)).isEqualTo(Sending.TOO_MANY);
        assertThat(codes.send(people.create().id(), "purpose", Budget.OWN, WHERE, "2001:db8:7:8::1", code -> { }))
                .isEqualTo(Sending.SENT);
    }

    private String send(UUID account, String purpose, String address) {
        String[] sent = new String[1];
        assertThat(codes.send(account, purpose, Budget.OWN, WHERE, address, code -> sent[0] = code))
                .isEqualTo(Sending.SENT);
        return sent[0];
    }
}
