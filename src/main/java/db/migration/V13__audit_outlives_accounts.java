package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * An account can be deleted while its audit events stay: drops audit_event's reference to account. In Java
 * because H2 names the constraint itself, differently from PostgreSQL, so only the database can say its name.
 */
public class V13__audit_outlives_accounts extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        List<String> references = new ArrayList<>();
        boolean upper = connection.getMetaData().storesUpperCaseIdentifiers();
        try (ResultSet keys = connection.getMetaData().getImportedKeys(null, null,
                upper ? "AUDIT_EVENT" : "audit_event")) {
            while (keys.next()) {
                if ("account".equalsIgnoreCase(keys.getString("PKTABLE_NAME"))) {
                    references.add(keys.getString("FK_NAME"));
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String name : references) {
                statement.execute("alter table audit_event drop constraint \"" + name + "\"");
            }
        }
    }
}
