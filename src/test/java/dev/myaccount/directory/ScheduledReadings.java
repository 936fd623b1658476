package dev.myaccount.directory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The directory tests' scheduled reading, between whole ones: only what changed since the last reading. */
final class ScheduledReadings {

    private ScheduledReadings() {
    }

    /** Makes the organisation's reading due, its last whole one recent, and lets the schedule read; what it did. */
    static List<String> readChanges(JdbcClient jdbc, Clock clock, Directories directories, UUID organisation) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.sql("update organisation_directory set synced_at = ?, read_whole_at = ? where organisation_id = ?")
                .params(now.minusHours(1), now, organisation).update();
        directories.syncDue();
        return jdbc.sql("select detail from audit_event where type = 'directory.synced' and organisation_id = ? "
                + "order by occurred_at desc").param(organisation).query(String.class).list();
    }
}
