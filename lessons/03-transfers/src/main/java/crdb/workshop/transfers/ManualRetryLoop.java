package crdb.workshop.transfers;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * The tutorial's retry loop, written out by hand (the "before" picture): run the work and
 * commit; on SQLSTATE 40001 roll back, sleep a little longer each time, and run it again.
 * Correct for what it covers; lesson 03's page lists what it leaves out.
 */
final class ManualRetryLoop {

    static final int MAX_ATTEMPTS = 5;

    private ManualRetryLoop() {
    }

    // tag::loop[]
    static void run(SqlSessionFactory sessions, Consumer<SqlSession> work) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try (SqlSession session = sessions.openSession()) {
                work.accept(session);
                session.commit(); // inside the loop: a COMMIT that fails is retried with the work
                return;
            } catch (PersistenceException e) { // closing the session has rolled back
                if (!isSerializationFailure(e) || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                // 20 ms, 40 ms, 80 ms... each time 50% to 150% of that, so rivals do not retry in step
                long millis = (long) ((10 << attempt) * ThreadLocalRandom.current().nextDouble(0.5, 1.5));
                Thread.sleep(millis);
            }
        }
    }

    private static boolean isSerializationFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) { // MyBatis wraps the driver's SQLException
            if (t instanceof SQLException sql && "40001".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
    // end::loop[]
}
