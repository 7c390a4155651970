package crdb.workshop.connect.exercise;

import java.sql.Connection;
import java.sql.SQLException;

/** Exercise 01: ask the server about the connection you hold. */
public interface ConnectionFacts {

    /** The name of the database this connection is using. */
    String currentDatabase(Connection connection) throws SQLException;

    /** How many tables the public schema has. */
    int countTables(Connection connection) throws SQLException;

    /** The isolation level of the current transaction, as the server spells it ("serializable"). */
    String transactionIsolation(Connection connection) throws SQLException;
}
