package dev.myaccount.apps;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Apps as their rows hold them, each row mapped once while it stays the same: a refresh reads its app twice (the
 * app's own authentication, then the grant's check of its app), and mapping a row parses two JSON settings and
 * builds the app anew, a twelfth of a refresh. What is kept is found by the row's every column, so an app changed on
 * any node is mapped again; the last {@value #KEPT} rows are kept. An app, once built, is not changed.
 */
final class ClientRows implements RowMapper<RegisteredClient> {

    static final int KEPT = 256;

    private final RowMapper<RegisteredClient> mapper;
    private final Map<List<Object>, RegisteredClient> kept = LastUsed.keeping(KEPT);

    ClientRows(RowMapper<RegisteredClient> mapper) {
        this.mapper = mapper;
    }

    @Override
    public RegisteredClient mapRow(ResultSet row, int number) throws SQLException {
        int columns = row.getMetaData().getColumnCount();
        List<Object> columnValues = new ArrayList<>(columns);
        for (int column = 1; column <= columns; column++) {
            columnValues.add(row.getObject(column));
        }
        RegisteredClient client = kept.get(columnValues);
        if (client == null) {
            client = mapper.mapRow(row, number);
            kept.put(columnValues, client);
        }
        return client;
    }
}
