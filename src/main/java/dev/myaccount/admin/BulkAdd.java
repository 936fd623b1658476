package dev.myaccount.admin;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Actor;
import dev.myaccount.people.People;
import dev.myaccount.people.PersonDescription;
import dev.myaccount.people.Provisioned;

/**
 * People added from a CSV file in the columns of Entra's bulk-create template ("Name [displayName]",
 * "User name [userPrincipalName]", "Initial password [passwordProfile]", "Block sign in (Yes/No)
 * [accountEnabled]", "First name [givenName]", "Last name [surname]"; its other columns are read and left).
 * A file that cannot be read as a whole (not UTF-8, a line too long, columns missing, too many rows) adds no
 * one; otherwise each row is added whole or refused with why, as Entra reports it, by {@link BulkAddJobs}.
 */
@Service
class BulkAdd {

    private static final Logger log = LoggerFactory.getLogger(BulkAdd.class);

    static final int LARGEST_FILE = 1 << 20;
    static final int MOST_ROWS = 500;
    static final int LONGEST_LINE = 4096;
    /** The column names of Entra's template, by the property in brackets at their end. */
    private static final Pattern PROPERTY = Pattern.compile("\\[(\\w+)\\]");
    private static final Set<String> REQUIRED = Set.of("displayName", "userPrincipalName", "passwordProfile",
            "accountEnabled");

    /** A row of the file as read: its line, the person it describes, and whether "Block sign in" was Yes or No. */
    record Row(long line, String upn, String displayName, String givenName, String surname, String blocked,
            String password) {
    }

    /** The rows of a file read whole, or the message key (and argument) of why none was read. */
    record Parsed(List<Row> rows, String fileRefusal, Object argument) {

        static Parsed refused(String messageKey, Object argument) {
            return new Parsed(List.of(), messageKey, argument);
        }
    }

    /** What became of a row: the person added (refusal null), or why not in the admin's language. */
    record Outcome(long line, String upn, String displayName, String refusal) {
    }

    private final People people;
    private final MessageSource messages;

    BulkAdd(People people, MessageSource messages) {
        this.people = people;
        this.messages = messages;
    }

    Parsed parse(byte[] file) {
        if (file.length == 0) {
            return Parsed.refused("admin.bulk.error.empty", null);
        }
        if (file.length > LARGEST_FILE) {
            return Parsed.refused("admin.bulk.error.size", LARGEST_FILE >> 10);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException notUtf8) {
            return Parsed.refused("admin.bulk.error.encoding", null);
        }
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].length() > LONGEST_LINE) {
                return Parsed.refused("admin.bulk.error.line", i + 1);
            }
        }
        return rows(text.replaceFirst("^\uFEFF", ""));
    }

    private static Parsed rows(String text) {
        // Entra's template starts with a line "version:v1.0" above the column names.
        int skipped = text.startsWith("version:") ? 1 : 0;
        String table = skipped == 1 ? text.substring(text.indexOf('\n') + 1) : text;
        List<CSVRecord> records;
        Map<String, Integer> columns = new HashMap<>();
        try {
            List<CSVRecord> all = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get()
                    .parse(new StringReader(table)).getRecords();
            if (all.isEmpty()) {
                return Parsed.refused("admin.bulk.error.columns", null);
            }
            CSVRecord header = all.get(0);
            for (int i = 0; i < header.size(); i++) {
                Matcher property = PROPERTY.matcher(header.get(i));
                if (property.find()) {
                    columns.put(property.group(1), i);
                }
            }
            records = all.subList(1, all.size());
        } catch (IOException | UncheckedIOException | IllegalStateException unreadable) {
            return Parsed.refused("admin.bulk.error.csv", null);
        }
        if (!columns.keySet().containsAll(REQUIRED)) {
            return Parsed.refused("admin.bulk.error.columns", null);
        }
        if (records.size() > MOST_ROWS) {
            return Parsed.refused("admin.bulk.error.rows", MOST_ROWS);
        }
        List<Row> rows = new ArrayList<>();
        for (CSVRecord record : records) {
            rows.add(new Row(record.getRecordNumber() + skipped, field(record, columns, "userPrincipalName"),
                    field(record, columns, "displayName"), field(record, columns, "givenName"),
                    field(record, columns, "surname"), field(record, columns, "accountEnabled").strip()
                            .toLowerCase(Locale.ROOT), field(record, columns, "passwordProfile")));
        }
        return new Parsed(rows, null, null);
    }

    /** Adds the person of one row, whole, or says why not, as Entra reports it. */
    Outcome add(Actor admin, Row row, String domain, Locale language, RequestOrigin origin) {
        if (!Set.of("yes", "no").contains(row.blocked())) {
            return new Outcome(row.line(), row.upn(), null, messages.getMessage("admin.bulk.error.blocked", null,
                    language));
        }
        Provisioned result;
        try {
            result = provisioned(admin, row, origin);
        } catch (RuntimeException failed) {
            log.warn("Row {} of a bulk add was not added: {}", row.line(), failed.toString());
            return new Outcome(row.line(), row.upn(), null, messages.getMessage("admin.bulk.error.failed", null,
                    language));
        }
        if (result.refusal() == null) {
            return new Outcome(row.line(), result.person().upn(), result.person().displayName(), null);
        }
        StringBuilder why = new StringBuilder(messages.getMessage(result.refusal(), new Object[] {domain}, language));
        result.passwordReasons().forEach(reason -> why.append(' ').append(messages.getMessage(reason.messageKey(),
                reason.arguments().toArray(), language)));
        return new Outcome(row.line(), row.upn(), null, why.toString());
    }

    private Provisioned provisioned(Actor admin, Row row, RequestOrigin origin) {
        return people.provision(admin, new PersonDescription(row.upn(), row.displayName(), row.givenName(),
                row.surname(), null, "no".equals(row.blocked()), row.password().isEmpty() ? null : row.password()),
                "csv", origin);
    }

    private static String field(CSVRecord record, Map<String, Integer> columns, String property) {
        Integer column = columns.get(property);
        return column == null || column >= record.size() ? "" : record.get(column).strip();
    }
}
