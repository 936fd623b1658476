package dev.myaccount.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Actor;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

/**
 * What the tests of an organisation's own directory share: a new organisation with its admin for each test, its
 * directory connected and read, a person's own change of password, and the scheduled reading between whole ones.
 */
abstract class DirectoryTestCase extends PortalTestCase {

    static final RequestOrigin BY_HAND = RequestOrigin.COMMAND_LINE;

    @Autowired
    Directories directories;

    @Autowired
    Clock clock;

    Person admin;
    Actor actor;

    @BeforeEach
    void newOrganisation() {
        admin = people.createAdmin();
        actor = new Actor(people.organisationOf(admin), admin.id(), admin.upn());
    }

    /** Connects the organisation to a directory that holds one person of it, and reads them in. */
    void connect(DirectorySettings settings) {
        assertThat(directories.save(actor, settings, BY_HAND).ok()).isTrue();
        assertThat(directories.syncNow(actor, BY_HAND).arguments()).containsExactly(1, 0, 0, 0);
    }

    /** Makes the organisation's reading due, its last whole one recent, and lets the schedule read; what it did. */
    List<String> readChanges() {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.sql("update organisation_directory set synced_at = ?, read_whole_at = ? where organisation_id = ?")
                .params(now.minusHours(1), now, actor.organisationId()).update();
        directories.syncDue();
        return jdbc.sql("select detail from audit_event where type = 'directory.synced' and organisation_id = ? "
                + "order by occurred_at desc").param(actor.organisationId()).query(String.class).list();
    }

    static Response change(PortalClient browser, String current, String password) {
        return browser.submit(browser.get("/password").page(), "form[action=/password]",
                Map.of("currentPassword", current, "newPassword", password, "confirmPassword", password));
    }

    /** The reasons listed under the new password. */
    static List<String> newPasswordErrors(Response page) {
        return page.page().select("#newPassword-errors li").eachText();
    }
}
