package crdb.workshop.springboot.exercise;

import java.sql.SQLException;
import java.util.function.Supplier;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Your turn. Both methods compile and run, and both are wrong in the way samples often are.
 * Check your work: ./mvnw -q -pl lessons/06-spring-boot -am test-compile exec:java@exercises
 */
public class RetriedTransactionExercise implements RetriedTransaction {

    // TODO-01: This only recognises a bare SQLException, but Spring never hands you one: MyBatis and
    //          the transaction manager translate it into a DataAccessException, which keeps the
    //          SQLException as a cause. Walk the cause chain (getCause()) and answer true when an
    //          SQLException in it has the SQLSTATE 40001 or 40P01.
    @Override
    public boolean retryable(Throwable failure) {
        return failure instanceof SQLException sql && "40001".equals(sql.getSQLState());
    }

    // TODO-02: The retry is inside the transaction: after a 40001 it would retry statements of a
    //          transaction the server has aborted, and the COMMIT runs after the retries are over,
    //          so a COMMIT that fails is never retried. Turn it around: retries.invoke(...) outside,
    //          transactions.execute(...) inside, so that each attempt is a whole new transaction.
    @Override
    public <T> T run(RetryTemplate retries, TransactionTemplate transactions, Supplier<T> work) {
        return transactions.execute(status -> retries.invoke(work));
    }
}
