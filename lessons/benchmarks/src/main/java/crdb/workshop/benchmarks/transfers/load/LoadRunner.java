package crdb.workshop.benchmarks.transfers.load;

import crdb.workshop.common.SqlState;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.retry.AmbiguousCommitException;
import crdb.workshop.common.retry.RetriesExhaustedException;
import crdb.workshop.common.retry.RetryExecutor;
import crdb.workshop.transfers.TransferDeclinedException;
import crdb.workshop.transfers.mapper.TransferRecordMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a workload through one contender: every thread makes its planned transfers, one after
 * the other, until they are done or the time limit has passed; then the invariants are checked.
 * Each run starts from the same state: the workload's accounts at their opening balance, and no
 * transfers recorded for them.
 */
public final class LoadRunner {

    /** The prefix of the load threads' names. */
    public static final String LOAD_THREAD = "load-";

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private final Database database;
    private final RetryExecutor setup;

    /** Creates the transfers table if it is missing. */
    public LoadRunner(Database database) {
        this.database = database;
        this.setup = RetryExecutor.withDefaults(database.sessionFactory());
        database.runScript("crdb/workshop/transfers/schema.sql");
    }

    /** Called as the threads start and once they have all finished, before anything is checked. */
    public interface Observer {
        Observer NONE = new Observer() {
        };

        default void started() {
        }

        default void finished() {
        }
    }

    public LoadResult run(Contender contender, Workload workload, Duration timeLimit) throws InterruptedException {
        return run(contender, workload, timeLimit, Observer.NONE);
    }

    public LoadResult run(Contender contender, Workload workload, Duration timeLimit, Observer observer)
            throws InterruptedException {
        reset(workload);
        RetryCounter retries = new RetryCounter();
        TransferClient client = contender.client().apply(retries);
        AtomicInteger number = new AtomicInteger();
        // Named, so that a profile can tell the load threads from everything else in the JVM.
        ExecutorService threads = Executors.newFixedThreadPool(workload.perThread().size(),
                task -> new Thread(task, LOAD_THREAD + number.incrementAndGet()));
        try {
            CountDownLatch start = new CountDownLatch(1);
            long deadline = System.nanoTime() + timeLimit.toNanos();
            List<Future<ThreadRun>> runs = new ArrayList<>();
            for (List<PlannedTransfer> planned : workload.perThread()) {
                runs.add(threads.submit(() -> {
                    start.await();
                    return ThreadRun.of(client, planned, deadline);
                }));
            }
            observer.started();
            long begin = System.nanoTime();
            start.countDown();
            List<ThreadRun> done = new ArrayList<>();
            for (Future<ThreadRun> run : runs) {
                done.add(run.get());
            }
            observer.finished();
            long elapsed = done.stream().mapToLong(ThreadRun::finishedAt).max().orElse(begin) - begin;
            return result(contender, workload, done, retries, elapsed);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A load thread failed: " + e.getCause(), e.getCause());
        } finally {
            threads.shutdownNow();
        }
    }

    /** Puts the workload's accounts back at their opening balance and forgets their transfers. */
    public void reset(Workload workload) {
        List<UUID> ids = workload.accounts();
        List<Account> fresh = ids.stream().map(id -> new Account(id, workload.shape().openingBalance())).toList();
        setup.useTransaction(session -> {
            session.getMapper(TransferRecordMapper.class).deleteFrom(ids);
            AccountMapper accounts = session.getMapper(AccountMapper.class);
            accounts.deleteByIds(ids);
            accounts.insertAll(fresh);
        });
    }

    /** Deletes the workload's accounts and transfers. */
    public void clean(Workload workload) {
        setup.useTransaction(session -> {
            session.getMapper(TransferRecordMapper.class).deleteFrom(workload.accounts());
            session.getMapper(AccountMapper.class).deleteByIds(workload.accounts());
        });
    }

    private LoadResult result(Contender contender, Workload workload, List<ThreadRun> done, RetryCounter retries,
            long elapsed) {
        Set<UUID> committed = new HashSet<>();
        Map<String, Long> refused = new TreeMap<>();
        Map<String, Long> errors = new TreeMap<>();
        long notRun = 0;
        long cpu = 0;
        long[] latencies = new long[0];
        for (ThreadRun run : done) {
            cpu = cpu < 0 || run.cpuNanos() < 0 ? -1 : cpu + run.cpuNanos();
            committed.addAll(run.committed());
            run.refused().forEach((kind, n) -> refused.merge(kind, n, Long::sum));
            run.errors().forEach((kind, n) -> errors.merge(kind, n, Long::sum));
            notRun += run.notRun();
            long[] merged = Arrays.copyOf(latencies, latencies.length + run.latencies().length);
            System.arraycopy(run.latencies(), 0, merged, latencies.length, run.latencies().length);
            latencies = merged;
        }
        Arrays.sort(latencies);
        Invariants invariants = Invariants.check(database.sessionFactory(), workload, committed);
        return new LoadResult(contender, workload.shape(), committed.size(), refused, errors, notRun,
                retries.total(), retries.byState(), retries.byReason(), retries.attempts(), elapsed, cpu, latencies,
                invariants);
    }

    /** One thread's share of a run. Only its own thread touches it until the run is over. */
    private record ThreadRun(List<UUID> committed, long[] latencies, Map<String, Long> refused,
            Map<String, Long> errors, long notRun, long finishedAt, long cpuNanos) {

        static ThreadRun of(TransferClient client, List<PlannedTransfer> planned, long deadline) {
            long cpuAtStart = cpuTime();
            List<UUID> committed = new ArrayList<>();
            long[] latencies = new long[planned.size()];
            Map<String, Long> refused = new TreeMap<>();
            Map<String, Long> errors = new TreeMap<>();
            int started = 0;
            for (PlannedTransfer transfer : planned) {
                if (System.nanoTime() - deadline > 0) {
                    break;
                }
                started++;
                long begin = System.nanoTime();
                try {
                    client.transfer(transfer.id(), transfer.transfer());
                    latencies[committed.size()] = System.nanoTime() - begin;
                    committed.add(transfer.id()); // applied by this call or, its answer lost, by an earlier attempt
                } catch (TransferDeclinedException e) {
                    refused.merge(e.reason().name().toLowerCase(Locale.ROOT).replace('_', ' '), 1L, Long::sum);
                } catch (RuntimeException e) {
                    errors.merge(kind(e), 1L, Long::sum);
                }
            }
            return new ThreadRun(committed, Arrays.copyOf(latencies, committed.size()), refused, errors,
                    planned.size() - started, System.nanoTime(), cpuAtStart < 0 ? -1 : cpuTime() - cpuAtStart);
        }

        /** This thread's CPU time, user and system, or -1 where the JVM cannot tell. */
        private static long cpuTime() {
            return CPU.isCurrentThreadCpuTimeSupported() ? CPU.getCurrentThreadCpuTime() : -1;
        }

        private static String kind(RuntimeException e) {
            if (e instanceof RetriesExhaustedException) {
                return "retries exhausted";
            }
            if (e instanceof AmbiguousCommitException) {
                return "ambiguous commit";
            }
            String state = SqlState.of(e);
            return state != null ? "SQLSTATE " + state : e.getClass().getSimpleName();
        }
    }
}
