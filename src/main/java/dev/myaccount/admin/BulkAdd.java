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
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import dev.myaccount.admin.PeopleAdministration.Provisioned;
import dev.myaccount.admin.PeopleAdministration.Provisioning;
import dev.myaccount.audit.RequestOrigin;

/**
 * People added from a CSV file in the columns of Entra's bulk-create template ("Name [displayName]",
 * "User name [userPrincipalName]", "Initial password [passwordProfile]", "Block sign in (Yes/No)
 * [accountEnabled]", "First name [givenName]", "Last name [surname]"; its other columns are read and left).
 * A file that cannot be read as a whole (not UTF-8, a line too long, columns missing, too many rows) adds no
 * one; otherwise each row is added whole or refused with why, as Entra reports it.
 */
@Service
class BulkAdd {

    static final int LARGEST_FILE = 1 << 20;
    static final int MOST_ROWS = 500;
    static final int LONGEST_LINE = 4096;
    /** The column names of Entra's template, by the property in brackets at their end. */
    private static final Pattern PROPERTY = Pattern.compile("\\[(\\w+)\\]");
    private static final Set<String> REQUIRED = Set.of("displayName", "userPrincipalName", "passwordProfile",
            "accountEnabled");

    /** A row added: the line it was on and the person. */
    record Added(long line, String upn, String displayName) {
    }

    /** A row refused: the line, the UPN it named, and why, in the admin's language. */
    record Refused(long line, String upn, String why) {
    }

    /** What became of a file: the rows added and refused, or the message key (and argument) of why none was read. */
    record Report(List<Added> added, List<Refused> refused, String fileRefusal, Object argument) {

        static Report refusedFile(String messageKey, Object argument) {
            return new Report(List.of(), List.of(), messageKey, argument);
        }
    }

    private final PeopleAdministration people;
    private final MessageSource messages;

    BulkAdd(PeopleAdministration people, MessageSource messages) {
        this.people = people;
        this.messages = messages;
    }

    Report add(Actor admin, byte[] file, Locale language, RequestOrigin origin) {
        if (file.length == 0) {
            return Report.refusedFile("admin.bulk.error.empty", null);
        }
        if (file.length > LARGEST_FILE) {
            return Report.refusedFile("admin.bulk.error.size", LARGEST_FILE >> 10);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException notUtf8) {
            return Report.refusedFile("admin.bulk.error.encoding", null);
        }
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].length() > LONGEST_LINE) {
                return Report.refusedFile("admin.bulk.error.line", i + 1);
            }
        }
        return addRows(admin, text.replaceFirst("^\uFEFF", ""), language, origin);
    }

    private Report addRows(Actor admin, String text, Locale language, RequestOrigin origin) {
        // Entra's template starts with a line "version:v1.0" above the column names.
        int skipped = text.startsWith("version:") ? 1 : 0;
        String table = skipped == 1 ? text.substring(text.indexOf('\n') + 1) : text;
        List<CSVRecord> records;
        Map<String, Integer> columns = new HashMap<>();
        try {
            List<CSVRecord> all = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get()
                    .parse(new StringReader(table)).getRecords();
            if (all.isEmpty()) {
                return Report.refusedFile("admin.bulk.error.columns", null);
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
            return Report.refusedFile("admin.bulk.error.csv", null);
        }
        if (!columns.keySet().containsAll(REQUIRED)) {
            return Report.refusedFile("admin.bulk.error.columns", null);
        }
        if (records.size() > MOST_ROWS) {
            return Report.refusedFile("admin.bulk.error.rows", MOST_ROWS);
        }
        List<Added> added = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        String domain = people.organisation(admin).domain();
        for (CSVRecord record : records) {
            long line = record.getRecordNumber() + skipped;
            String upn = field(record, columns, "userPrincipalName");
            String blocked = field(record, columns, "accountEnabled").strip().toLowerCase(Locale.ROOT);
            if (!Set.of("yes", "no").contains(blocked)) {
                refused.add(new Refused(line, upn, messages.getMessage("admin.bulk.error.blocked", null, language)));
                continue;
            }
            String password = field(record, columns, "passwordProfile");
            Provisioned result = people.provision(admin, new Provisioning(upn, field(record, columns, "displayName"),
                    field(record, columns, "givenName"), field(record, columns, "surname"), null, "no".equals(blocked),
                    password.isEmpty() ? null : password), "csv", origin);
            if (result.refusal() == null) {
                added.add(new Added(line, result.person().upn(), result.person().displayName()));
            } else {
                StringBuilder why = new StringBuilder(messages.getMessage(result.refusal(), new Object[] {domain},
                        language));
                result.passwordReasons().forEach(reason -> why.append(' ').append(messages.getMessage(
                        reason.messageKey(), reason.arguments().toArray(), language)));
                refused.add(new Refused(line, upn, why.toString()));
            }
        }
        return new Report(added, refused, null, null);
    }

    private static String field(CSVRecord record, Map<String, Integer> columns, String property) {
        Integer column = columns.get(property);
        return column == null || column >= record.size() ? "" : record.get(column).strip();
    }
}
