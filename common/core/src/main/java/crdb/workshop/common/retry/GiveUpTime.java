package crdb.workshop.common.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The one give-up time G of a run: how long everything in it together (start-up, every
 * transaction, cleanup) waits for a database that stopped answering. The wait starts when an
 * attempt that got no answer began, and any answer ends it; a second call does not start a
 * second wait, so a lesson whose server is gone gives up G after it went, whatever it was doing.
 *
 * <p>While it waits it says so, at most every 10 s (and at least once), on the progress line
 * the run chose. One instance per run, shared by threads.
 */
public final class GiveUpTime {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private final Duration limit;
    private final Duration lastWait;
    private final Duration readTimeout;
    private final Consumer<String> progress;
    private final LongSupplier clock;

    /** When the wait for an answer began (a nanoTime reading), or null while the database answers. */
    private Long waitingSince;
    private long lastAnswer;
    private long lastProgress;

    /**
     * @param limit    G
     * @param lastWait how long the last attempt may still wait once started (the pool's wait for a
     *                 connection): no attempt starts later than {@code limit - lastWait} into a wait
     * @param readTimeout how long a statement waits for an answer before the driver gives up on it
     * @param progress where "Waiting for the database ..." lines go (a no-op for silence)
     */
    public GiveUpTime(Duration limit, Duration lastWait, Duration readTimeout, Consumer<String> progress) {
        this(limit, lastWait, readTimeout, progress, System::nanoTime);
    }

    GiveUpTime(Duration limit, Duration lastWait, Duration readTimeout, Consumer<String> progress,
            LongSupplier clock) {
        this.limit = Objects.requireNonNull(limit, "limit");
        this.lastWait = lastWait.compareTo(limit) < 0 ? lastWait : Duration.ZERO;
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.clock = clock;
        this.lastAnswer = clock.getAsLong();
    }

    /** G. */
    public Duration limit() {
        return limit;
    }

    /** How long into a wait the last attempt may still start: G less the pool's wait for a connection. */
    public Duration latestStart() {
        return limit.minus(lastWait);
    }

    /** Now, on this give-up time's clock: pass it back to {@link #noAnswer} for an attempt begun now. */
    public long now() {
        return clock.getAsLong();
    }

    /** The database answered (a commit, or an error it sent): whatever wait there was is over. */
    public synchronized void answered() {
        waitingSince = null;
        lastAnswer = clock.getAsLong();
    }

    /**
     * An attempt begun at {@code attemptBegan} (from {@link #now}) got no answer: the wait began then,
     * unless it had begun already. Or earlier, as late as the last answer: a statement sent outside
     * any executor (a hand-written retry loop) may have waited one read timeout for an answer before
     * this attempt began. Prints a progress line when one is due.
     */
    public synchronized void noAnswer(long attemptBegan, String sqlState) {
        long now = clock.getAsLong();
        if (waitingSince == null) {
            waitingSince = Math.max(lastAnswer, attemptBegan - readTimeout.toNanos());
            lastProgress = Long.MIN_VALUE;
        }
        if (lastProgress == Long.MIN_VALUE || now - lastProgress >= PROGRESS_EVERY.toNanos()) {
            lastProgress = now;
            progress.accept("Waiting for the database: no answer for " + seconds(now - waitingSince) + " s of "
                    + limit.toSeconds() + " s (SQLSTATE " + sqlState + "); giving up at " + limit.toSeconds()
                    + " s (WORKSHOP_GIVE_UP_SECONDS)");
        }
    }

    /**
     * How much longer an attempt may begin: until {@code limit - lastWait} into the current wait, so
     * that the last attempt's own wait ends by G; the full margin while the database answers.
     */
    public synchronized Duration leftToStart() {
        Duration margin = limit.minus(lastWait);
        if (waitingSince == null) {
            return margin;
        }
        Duration left = margin.minusNanos(clock.getAsLong() - waitingSince);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Whether an attempt may begin {@code delay} from now: always, unless the database is not answering. */
    public synchronized boolean allowsAttemptAfter(Duration delay) {
        return waitingSince == null || delay.compareTo(leftToStart()) <= 0;
    }

    /** True once a wait has used the whole give-up time: nothing more should be sent. */
    public synchronized boolean isUsedUp() {
        return waitingSince != null && clock.getAsLong() - waitingSince >= limit.minus(lastWait).toNanos();
    }

    private static long seconds(long nanos) {
        return Math.max(0, Math.round(nanos / 1e9));
    }
}
