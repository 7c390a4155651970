package crdb.workshop.benchmarks.transfers;

import crdb.workshop.benchmarks.transfers.load.Contender;
import crdb.workshop.benchmarks.transfers.load.Invariants;
import crdb.workshop.benchmarks.transfers.load.LoadResult;
import crdb.workshop.benchmarks.transfers.load.LoadRunner;
import crdb.workshop.benchmarks.transfers.load.LoadShape;
import crdb.workshop.benchmarks.transfers.load.Workload;
import crdb.workshop.common.db.Database;
import crdb.workshop.common.retry.Isolation;
import crdb.workshop.transfers.mapper.TransferRecordMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.ibatis.session.SqlSession;

/**
 * The C-client contender: PostgreSQL's pgbench (libpq, prepared statements) sends each strategy's
 * SQL ({@link PgbenchScripts}) from as many clients as the benchmark has threads, each making as
 * many transfers, over the same accounts, retrying serialization failures and deadlocks up to the
 * same number of attempts (pgbench retries at once: it has no backoff). Its per-transaction log
 * gives the latencies; the transfers table says what committed; the invariants are checked as for
 * every other contender. The password goes to pgbench in its environment, never on its command line.
 */
public final class Pgbench {

    private final String executable;
    private final String version;
    private final Database database;
    private final Path workDir;

    private Pgbench(String executable, String version, Database database, Path workDir) {
        this.executable = executable;
        this.version = version;
        this.database = database;
        this.workDir = workDir;
    }

    /**
     * pgbench 15 or later from the PATH (--max-tries came in 15), or empty with the reason in
     * {@code why}.
     */
    public static Optional<Pgbench> find(Database database, Path workDir, StringBuilder why) {
        if (database.isCockroachDb()) {
            why.append("pgbench is PostgreSQL's; not run against CockroachDB");
            return Optional.empty();
        }
        Optional<String> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "pgbench")).filter(Files::isExecutable).map(Path::toString).findFirst();
        if (onPath.isEmpty()) {
            why.append("pgbench is not on the PATH (Debian/Ubuntu: apt-get install postgresql-client)");
            return Optional.empty();
        }
        try {
            Process process = new ProcessBuilder(onPath.get(), "--version").redirectErrorStream(true).start();
            String answer = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            process.waitFor(30, TimeUnit.SECONDS);
            Matcher m = Pattern.compile("(\\d+)(\\.\\d+)?").matcher(answer);
            if (!m.find() || Integer.parseInt(m.group(1)) < 15) {
                why.append(onPath.get()).append(" is '").append(answer).append("'; --max-tries needs pgbench 15 or later");
                return Optional.empty();
            }
            Files.createDirectories(workDir);
            return Optional.of(new Pgbench(onPath.get(), answer, database, workDir));
        } catch (IOException e) {
            why.append("pgbench did not start: ").append(e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why.append("interrupted");
            return Optional.empty();
        }
    }

    public String version() {
        return version;
    }

    /** Runs {@code contender}'s strategy over {@code workload}'s shape and accounts, from the same starting state. */
    public LoadResult run(Contender contender, Workload workload, int maxTries, LoadRunner runner)
            throws IOException, InterruptedException {
        LoadShape shape = workload.shape();
        runner.reset(workload);
        String name = contender.strategy().replace(' ', '-');
        Path logs = workDir.resolve(name + "-logs");
        Files.createDirectories(logs);
        try (Stream<Path> old = Files.list(logs)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        List<String> command = new ArrayList<>(List.of(executable, "--no-vacuum", "--protocol=prepared",
                "--client=" + shape.threads(), "--jobs=" + shape.threads(),
                "--transactions=" + shape.transfersPerThread(), "--max-tries=" + maxTries, "--failures-detailed", "--verbose-errors",
                "--define=accounts=" + shape.accounts(), "--define=maxamount=" + shape.maxAmount(),
                "--log", "--log-prefix=" + logs.resolve("tx")));
        int hotWeight = (int) Math.round(shape.hotFraction() * 100);
        Isolation isolation = Contender.lessonStrategy(contender.strategy())
                .isolation(database.isCockroachDb() ? "cockroachdb" : "postgresql");
        if (hotWeight < 100) {
            command.add("--file=" + script(contender, false, isolation) + "@" + (100 - hotWeight));
        }
        if (hotWeight > 0) {
            command.add("--file=" + script(contender, true, isolation) + "@" + hotWeight);
        }
        ProcessBuilder builder = new ProcessBuilder(withCpuTimes(command)).redirectErrorStream(true);
        connectionEnvironment(builder.environment());
        Path output = workDir.resolve(name + ".out");
        builder.redirectOutput(output.toFile());
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly); // pgbench, under the shell
            process.destroyForcibly();
            throw new IllegalStateException("pgbench ran for more than 10 minutes; see " + output);
        }
        String printed = Files.readString(output);
        if (process.exitValue() != 0 && !printed.contains("tps =")) {
            throw new IllegalStateException("pgbench failed (exit " + process.exitValue() + "): " + firstError(printed)
                    + "; all it printed is in " + output);
        }
        return result(contender, workload, printed, logs);
    }

    /**
     * The command run by a POSIX shell that prints, once pgbench has ended, its CPU time (the
     * {@code times} builtin's second line: the children's user and system time); as it is where
     * there is no /bin/sh.
     */
    private static List<String> withCpuTimes(List<String> command) {
        if (!Files.isExecutable(Path.of("/bin/sh"))) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", "\"$0\" \"$@\"; s=$?; times; exit $s"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** pgbench's user and system time from the shell's {@code times} (the last line), or -1. */
    static long cpuNanos(String printed) {
        Matcher m = Pattern.compile("(?m)^(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s$").matcher(printed);
        long nanos = -1;
        while (m.find()) { // the shell's own time comes first, its children's last
            nanos = (long) ((Long.parseLong(m.group(1)) * 60 + Double.parseDouble(m.group(2))
                    + Long.parseLong(m.group(3)) * 60 + Double.parseDouble(m.group(4))) * 1e9);
        }
        return nanos;
    }

    private Path script(Contender contender, boolean hot, Isolation isolation) throws IOException {
        Path file = workDir.resolve(contender.strategy().replace(' ', '-') + (hot ? "-hot" : "-uniform") + ".sql");
        Files.writeString(file, PgbenchScripts.script(contender.strategy(), hot, isolation));
        return file;
    }

    /** libpq's environment variables, from the pool's settings: host, port, database, user, password, TLS. */
    private void connectionEnvironment(Map<String, String> env) {
        URI uri = URI.create(database.settings().jdbcUrl().substring("jdbc:".length()));
        Properties props = database.settings().properties();
        env.put("PGHOST", uri.getHost());
        env.put("PGPORT", String.valueOf(uri.getPort() < 0 ? 5432 : uri.getPort()));
        env.put("PGDATABASE", uri.getPath().substring(1));
        env.put("PGUSER", props.getProperty("user", ""));
        String password = props.getProperty("password");
        if (password != null) {
            env.put("PGPASSWORD", password);
        }
        Map.of("sslmode", "PGSSLMODE", "sslrootcert", "PGSSLROOTCERT", "sslcert", "PGSSLCERT", "sslkey", "PGSSLKEY")
                .forEach((property, variable) -> {
                    String value = props.getProperty(property);
                    if (value != null) {
                        env.put(variable, value);
                    }
                });
        env.putIfAbsent("PGCONNECT_TIMEOUT", "10");
        // As the pool's connections: SERIALIZABLE unless a transaction states otherwise, whatever
        // the server's default (PostgreSQL's is READ COMMITTED); and the benchmark's schema alone.
        String options = "-c default_transaction_isolation=serializable";
        String schema = props.getProperty("currentSchema");
        if (schema != null) {
            options += " -c search_path=" + schema;
        }
        env.put("PGOPTIONS", options);
    }

    private LoadResult result(Contender contender, Workload workload, String printed, Path logs) throws IOException {
        double tps = number(printed, "tps = ([0-9.]+)");
        long processed = (long) number(printed, "number of transactions actually processed: (\\d+)");
        long failed = (long) numberOr(printed, "number of failed transactions: (\\d+)", 0);
        long retries = (long) numberOr(printed, "total number of retries: (\\d+)", 0);
        List<Long> latencies = new ArrayList<>();
        Map<Integer, Long> attempts = new TreeMap<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    // client, transaction, time in us (or the failure: "serialization", "deadlock", "failed"), ...
                    String[] fields = line.split(" ");
                    if (fields.length > 2 && fields[2].chars().allMatch(Character::isDigit)) {
                        latencies.add(Long.parseLong(fields[2]) * 1000);
                        // the last field is the transaction's retries (the log has it with --max-tries above 1)
                        attempts.merge(Integer.parseInt(fields[fields.length - 1]) + 1, 1L, Long::sum);
                    }
                }
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        Set<UUID> recorded;
        try (SqlSession session = database.sessionFactory().openSession()) {
            recorded = new HashSet<>(session.getMapper(TransferRecordMapper.class).idsFrom(workload.accounts()));
        }
        Map<String, Long> errors = new TreeMap<>();
        if (failed > 0) {
            errors.put("retries exhausted", failed);
        }
        Map<String, Long> refused = new TreeMap<>();
        long notMoved = processed - recorded.size(); // rolled back by the script: the source could not pay
        if (notMoved > 0) {
            refused.put("insufficient funds", notMoved);
        }
        long elapsedNanos = tps > 0 ? (long) (processed / tps * 1e9) : 1;
        Invariants invariants = Invariants.check(database.sessionFactory(), workload, recorded);
        return new LoadResult(contender, workload.shape(), recorded.size(), refused, errors, 0, retries, Map.of(),
                reasons(printed), attempts, elapsedNanos, cpuNanos(printed), sorted, invariants);
    }

    /** The errors pgbench retried (--verbose-errors prints each): message, and SSI's reason code. */
    private static Map<String, Long> reasons(String printed) {
        Map<String, Long> reasons = new TreeMap<>();
        List<String> lines = printed.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            int at = lines.get(i).indexOf("ERROR:  ");
            if (at >= 0 && i + 1 < lines.size() && lines.get(i + 1).contains("repeats the transaction")) {
                String reason = "40001 " + lines.get(i).substring(at + 8).strip();
                reasons.merge(reason, 1L, Long::sum);
            } else if (at >= 0 && i + 2 < lines.size() && lines.get(i + 1).contains("DETAIL:")
                    && lines.get(i + 2).contains("repeats the transaction")) {
                String detail = lines.get(i + 1).substring(lines.get(i + 1).indexOf("DETAIL:") + 7).strip();
                reasons.merge("40001 " + lines.get(i).substring(at + 8).strip() + " (" + detail + ")", 1L, Long::sum);
            }
        }
        return reasons;
    }

    /** pgbench's first error line, shortened, for a one-line message (the whole output is in a file). */
    static String firstError(String printed) {
        String line = printed.lines().filter(l -> l.contains("ERROR") || l.contains("FATAL") || l.contains("error"))
                .findFirst().orElse(printed.lines().findFirst().orElse("no output")).strip();
        line = line.replaceAll("\\p{Cntrl}", "?");
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }

    private static double number(String printed, String regex) {
        Matcher m = Pattern.compile(regex).matcher(printed);
        if (!m.find()) {
            throw new IllegalStateException("pgbench's output has no '" + regex + "'");
        }
        return Double.parseDouble(m.group(1));
    }

    private static double numberOr(String printed, String regex, double otherwise) {
        Matcher m = Pattern.compile(regex).matcher(printed);
        return m.find() ? Double.parseDouble(m.group(1)) : otherwise;
    }
}
