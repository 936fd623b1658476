package dev.myaccount.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.myaccount.admin.BulkAdd.Outcome;
import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Actor;
import dev.myaccount.people.People;

/**
 * The rows of a CSV file added one after another in the background (each costs an Argon2id hash, so 500 take
 * seconds), with the count done and each row's outcome kept in the database as it goes: the admin's page shows the
 * progress, survives a reload on any node, and keeps the report. A job whose node stopped shows as stopped.
 */
@Service
class BulkAddJobs {

    /** A job not heard of for this long ran on a node that stopped; a row takes well under a second. */
    private static final Duration SILENT = Duration.ofMinutes(2);
    private static final int RECENT = 10;
    private static final String SELECT = """
            select id, started_by, started_at, updated_at, rows_total, rows_done, finished_at from bulk_add_job""";

    /** A job as its page shows it. */
    record Job(UUID id, String startedBy, Instant startedAt, int total, int done, boolean finished, boolean stopped) {
    }

    private final BulkAdd bulk;
    private final People people;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "bulk-add");
        thread.setDaemon(true);
        return thread;
    });

    BulkAddJobs(BulkAdd bulk, People people, JdbcClient jdbc, Clock clock) {
        this.bulk = bulk;
        this.people = people;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Starts adding the rows; the job's id, for its page. */
    UUID start(Actor admin, List<BulkAdd.Row> rows, Locale language, RequestOrigin origin) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into bulk_add_job (id, organisation_id, started_by, started_at, updated_at, rows_total, rows_done)
                values (?, ?, ?, ?, ?, ?, 0)""")
                .params(id, admin.organisationId(), admin.name(), now(), now(), rows.size()).update();
        String domain = people.organisation(admin).domain();
        runner.execute(() -> {
            for (BulkAdd.Row row : rows) {
                record(id, bulk.add(admin, row, domain, language, origin));
            }
            jdbc.sql("update bulk_add_job set finished_at = ?, updated_at = ? where id = ?").params(now(), now(), id)
                    .update();
        });
        return id;
    }

    Optional<Job> find(Actor admin, UUID id) {
        return jdbc.sql(SELECT + " where id = ? and organisation_id = ?").params(id, admin.organisationId())
                .query(this::job).optional();
    }

    /** The organisation's latest jobs, newest first. */
    List<Job> recent(Actor admin) {
        return jdbc.sql(SELECT + " where organisation_id = ? order by started_at desc, id limit ?")
                .params(admin.organisationId(), RECENT).query(this::job).list();
    }

    /** The outcomes of a job's rows so far, by line. */
    List<Outcome> outcomes(UUID job) {
        return jdbc.sql("select line, upn, display_name, refusal from bulk_add_row where job_id = ? order by line")
                .param(job).query((rs, n) -> new Outcome(rs.getLong("line"), rs.getString("upn"),
                        rs.getString("display_name"), rs.getString("refusal"))).list();
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    private Job job(ResultSet rs, int row) throws SQLException {
        boolean finished = rs.getObject("finished_at") != null;
        Instant updated = rs.getObject("updated_at", OffsetDateTime.class).toInstant();
        return new Job(rs.getObject("id", UUID.class), rs.getString("started_by"),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(), rs.getInt("rows_total"),
                rs.getInt("rows_done"), finished, !finished && updated.plus(SILENT).isBefore(clock.instant()));
    }

    private void record(UUID job, Outcome outcome) {
        jdbc.sql("insert into bulk_add_row (job_id, line, upn, display_name, refusal) values (?, ?, ?, ?, ?)")
                .params(job, outcome.line(), outcome.upn(), outcome.displayName(), outcome.refusal()).update();
        jdbc.sql("update bulk_add_job set rows_done = rows_done + 1, updated_at = ? where id = ?").params(now(), job)
                .update();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
