package crdb.workshop.connect;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.Exercise;
import crdb.workshop.common.testing.Exercises;
import crdb.workshop.common.testing.Todo;
import crdb.workshop.connect.exercise.ConnectionFacts;
import crdb.workshop.connect.exercise.ConnectionFactsExercise;
import crdb.workshop.connect.solution.ConnectionFactsSolution;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Exercise 01: ask the server about the connection you hold, in plain JDBC, in
 * {@link ConnectionFactsExercise}.
 * <ul>
 *   <li>TODO-01: the name of the current database.
 *   <li>TODO-02: how many tables the public schema has.
 *   <li>TODO-03 (Optional): the isolation level of the current transaction.
 * </ul>
 * Run against your code: ./mvnw test -pl lessons/01-connect -am -Dexercises=learner
 */
@Exercise
@DatabaseTest
class ConnectionFactsTest {

    private final ConnectionFacts facts = Exercises.pick(ConnectionFactsSolution::new, ConnectionFactsExercise::new);

    @Test
    @Todo(1)
    void currentDatabaseNamesTheDatabaseTheConnectionUses(Database database) throws SQLException {
        // Each test class gets a database of its own, with a generated name.
        String url = database.settings().jdbcUrl();
        try (Connection connection = database.dataSource().getConnection()) {
            assertThat(facts.currentDatabase(connection)).isEqualTo(url.substring(url.lastIndexOf('/') + 1));
        }
    }

    @Test
    @Todo(2)
    void countTablesCountsEveryTableInThePublicSchema(Database database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            int before = facts.countTables(connection);
            assertThat(before).isGreaterThanOrEqualTo(1); // dbinit.sql made accounts
            try {
                execute(connection, "CREATE TABLE exercise_extra (id INT8 PRIMARY KEY)");
                assertThat(facts.countTables(connection)).isEqualTo(before + 1);
            } finally {
                execute(connection, "DROP TABLE IF EXISTS exercise_extra");
            }
        }
    }

    @Test
    @Todo(3)
    void transactionIsolationIsSerializable(Database database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            assertThat(facts.transactionIsolation(connection)).isEqualTo("serializable");
        }
    }

    @Test
    @Todo(3)
    void transactionIsolationFollowsTheSession(Database database) throws SQLException {
        // A connection of its own, outside the pool, so the changed default dies with it. (CockroachDB
        // allows READ COMMITTED unless sql.txn.read_committed_isolation.enabled was turned off.)
        try (Connection connection = DriverManager.getConnection(database.settings().jdbcUrl(),
                database.settings().properties())) {
            connection.setAutoCommit(false);
            execute(connection, "SET default_transaction_isolation = 'read committed'");
            assertThat(facts.transactionIsolation(connection)).isEqualTo("read committed");
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        connection.commit();
    }
}
