package crdb.workshop.springboot.exercise;

import java.util.function.Supplier;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Exercise 06: retries and a transaction with Spring's templates, in the right order. */
public interface RetriedTransaction {

    /**
     * Whether another attempt may succeed: the database rolled the transaction back and asks for
     * a retry (SQLSTATE 40001, or PostgreSQL's deadlock 40P01), whatever exception type Spring
     * turned the driver's SQLException into.
     */
    boolean retryable(Throwable failure);

    /**
     * Runs {@code work} in a transaction and, when it fails in a way {@code retries} retries (its
     * COMMIT included), runs the whole transaction again.
     */
    <T> T run(RetryTemplate retries, TransactionTemplate transactions, Supplier<T> work);
}
