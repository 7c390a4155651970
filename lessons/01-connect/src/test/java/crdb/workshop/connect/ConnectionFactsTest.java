package crdb.workshop.connect;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.Exercise;
import crdb.workshop.common.testing.Exercises;
import crdb.workshop.connect.exercise.ConnectionFacts;
import crdb.workshop.connect.exercise.ConnectionFactsExercise;
import crdb.workshop.connect.solution.ConnectionFactsSolution;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Exercise 01: TODO-01 to TODO-03 in {@link ConnectionFactsExercise}.
 * Run against your code: ./mvnw test -pl lessons/01-connect -am -Dexercises=learner
 */
@Exercise
@DatabaseTest
class ConnectionFactsTest {

    private final ConnectionFacts facts = Exercises.pick(ConnectionFactsSolution::new, ConnectionFactsExercise::new);

    @Test
    void currentDatabaseNamesTheDatabaseTheConnectionUses(Database database) throws SQLException {
        String url = database.settings().jdbcUrl();
        try (Connection connection = database.dataSource().getConnection()) {
            assertThat(facts.currentDatabase(connection)).isEqualTo(url.substring(url.lastIndexOf('/') + 1));
        }
    }

    @Test
    void countTablesCountsEveryTableInThePublicSchema(Database database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            int before = facts.countTables(connection);
            assertThat(before).isGreaterThanOrEqualTo(1); // dbinit.sql made accounts
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE exercise_extra (id INT8 PRIMARY KEY)");
            }
            connection.commit();
            assertThat(facts.countTables(connection)).isEqualTo(before + 1);
        }
    }

    @Test
    void transactionIsolationIsSerializable(Database database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            assertThat(facts.transactionIsolation(connection)).isEqualTo("serializable");
        }
    }
}
