package crdb.workshop.springboot.solution;

import crdb.workshop.springboot.exercise.RetriedTransaction;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** A solution to exercise 06. */
public class RetriedTransactionSolution implements RetriedTransaction {

    @Override
    public boolean retryable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return "40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState());
            }
        }
        return false;
    }

    // tag::solution[]
    @Override
    public <T> T run(RetryTemplate retries, TransactionTemplate transactions, Supplier<T> work) {
        return retries.invoke(() -> transactions.execute(status -> work.get()));
    }
    // end::solution[]
}
