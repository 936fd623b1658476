package dev.myaccount.credential;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** The hashes of an account's earlier passwords, newest first, kept only as far back as the policy looks. */
@Service
public class PasswordHistory {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;

    PasswordHistory(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** Whether the password is one of the account's last {@code count} earlier passwords. */
    public boolean usedBefore(UUID accountId, String password, int count) {
        return recent(accountId, count).stream().anyMatch(hash -> passwords.matches(password, hash));
    }

    /** Keeps the replaced password's hash, and forgets those older than the last {@code keep}. */
    public void remember(UUID accountId, String replacedHash, int keep) {
        jdbc.sql("insert into password_history (id, account_id, password_hash, replaced_at) values (?, ?, ?, ?)")
                .params(UUID.randomUUID(), accountId, replacedHash, clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        jdbc.sql("""
                delete from password_history where account_id = ? and id not in (
                    select id from password_history where account_id = ? order by replaced_at desc, id limit ?)""")
                .params(accountId, accountId, keep)
                .update();
    }

    private List<String> recent(UUID accountId, int count) {
        return jdbc.sql("""
                select password_hash from password_history where account_id = ?
                order by replaced_at desc, id limit ?""").params(accountId, count).query(String.class).list();
    }
}
