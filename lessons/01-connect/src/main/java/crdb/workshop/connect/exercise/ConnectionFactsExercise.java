package crdb.workshop.connect.exercise;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Your turn. Each method returns a placeholder that the tests reject; replace it with a query.
 * Check your work: ./mvnw test -pl lessons/01-connect -am -Dexercises=learner
 */
public class ConnectionFactsExercise implements ConnectionFacts {

    // TODO-01: Return the name of the current database. The query is SELECT current_database();
    //          use connection.createStatement() and read the one row it returns.
    @Override
    public String currentDatabase(Connection connection) throws SQLException {
        return "";
    }

    // TODO-02: Return the number of tables in the public schema. Count the rows of
    //          information_schema.tables with table_schema = 'public' and table_type = 'BASE TABLE'
    //          (SchemaMapper in this lesson lists them).
    @Override
    public int countTables(Connection connection) throws SQLException {
        return -1;
    }

    // TODO-03 (Optional): Return the isolation level new transactions get: SHOW transaction_isolation.
    //          CockroachDB answers "serializable"; so does the embedded PostgreSQL, configured to match.
    @Override
    public String transactionIsolation(Connection connection) throws SQLException {
        return "";
    }
}
