package crdb.workshop.common.mapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import crdb.workshop.common.testing.DatabaseTest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** AccountMapper on the real database: what each statement reads and writes, and what it leaves alone. */
@DatabaseTest
class AccountMapperTest {

    /** Text shaped to escape a quoted literal if it were pasted into SQL. */
    private static final List<String> INJECTION_SHAPED = List.of(
            "' OR '1'='1",
            "x'; DROP TABLE accounts; --",
            "%",
            "_",
            "\\");

    private final SqlSessionFactory sessions;

    AccountMapperTest(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    @BeforeEach
    void emptyTheTable() {
        try (SqlSession session = sessions.openSession()) {
            AccountMapper mapper = session.getMapper(AccountMapper.class);
            mapper.deleteByIds(mapper.findAll().stream().map(Account::id).toList());
            session.commit();
        }
    }

    @Test
    void insertAllWritesEveryAccountAndFindByIdsReadsThemBackOrderedById() {
        List<Account> accounts = List.of(account(30), account(10), account(20));
        assertThat(write(mapper -> mapper.insertAll(accounts))).isEqualTo(3);

        List<Account> found = rows(mapper -> mapper.findByIds(accounts.stream().map(Account::id).toList()));
        assertThat(found).containsExactlyInAnyOrderElementsOf(accounts);
        assertThat(found).extracting(AccountMapperTest::idText).isSorted();
    }

    @Test
    void insertAllOfNoAccountsInsertsNothing() {
        assertThat(write(mapper -> mapper.insertAll(List.of()))).isZero();
        assertThat(count()).isZero();
    }

    @Test
    void insertOfAnAccountTheTableAlreadyHasFailsAndTheFirstRowStays() {
        Account first = account(5);
        write(mapper -> mapper.insert(first));
        try (SqlSession session = sessions.openSession()) {
            AccountMapper mapper = session.getMapper(AccountMapper.class);
            assertThatThrownBy(() -> mapper.insert(new Account(first.id(), 7)))
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("23505")); // unique_violation
        }
        assertThat(byId(first.id())).isEqualTo(first);
    }

    @Test
    void findByIdReturnsTheAccountOrNullWhenThereIsNone() {
        Account account = account(42);
        write(mapper -> mapper.insert(account));

        assertThat(byId(account.id())).isEqualTo(account);
        assertThat(byId(UUID.randomUUID())).isNull();
    }

    @Test
    void findByIdsSkipsIdsThatDoNotExist() {
        Account account = account(1);
        write(mapper -> mapper.insertAll(List.of(account, account(2))));

        assertThat(rows(mapper -> mapper.findByIds(List.of(account.id(), UUID.randomUUID()))))
                .containsExactly(account);
    }

    @Test
    void findByIdsOfNoIdsFindsNothingEvenWhenTheTableHasRows() {
        write(mapper -> mapper.insertAll(List.of(account(1), account(2))));

        assertThat(rows(mapper -> mapper.findByIds(List.of()))).isEmpty();
    }

    @Test
    void findAllReturnsEveryAccountOrderedById() {
        List<Account> accounts = List.of(account(3), account(1), account(2));
        write(mapper -> mapper.insertAll(accounts));

        List<Account> all = all();
        assertThat(all).containsExactlyInAnyOrderElementsOf(accounts);
        assertThat(all).extracting(AccountMapperTest::idText).isSorted();
    }

    @Test
    void countAndTotalBalanceDescribeTheWholeTable() {
        assertThat(count()).isZero();
        assertThat(totalBalance()).isZero();

        write(mapper -> mapper.insertAll(List.of(account(100), account(250), account(0))));

        assertThat(count()).isEqualTo(3);
        assertThat(totalBalance()).isEqualTo(350);
    }

    @Test
    void updateBalanceChangesThatAccountOnly() {
        Account target = account(10);
        Account other = account(20);
        write(mapper -> mapper.insertAll(List.of(target, other)));

        assertThat(write(mapper -> mapper.updateBalance(target.id(), 99))).isEqualTo(1);

        assertThat(byId(target.id()).balance()).isEqualTo(99);
        assertThat(byId(other.id())).isEqualTo(other);
    }

    @Test
    void updateBalanceOfAMissingAccountChangesNoRow() {
        Account existing = account(10);
        write(mapper -> mapper.insert(existing));

        assertThat(write(mapper -> mapper.updateBalance(UUID.randomUUID(), 99))).isZero();
        assertThat(all()).containsExactly(existing);
    }

    @Test
    void deleteByIdsDeletesExactlyThoseAccounts() {
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            accounts.add(account(i));
        }
        write(mapper -> mapper.insertAll(accounts));
        List<UUID> doomed = List.of(accounts.get(1).id(), accounts.get(4).id(), UUID.randomUUID());

        assertThat(write(mapper -> mapper.deleteByIds(doomed))).isEqualTo(2);

        assertThat(all()).containsExactlyInAnyOrder(
                accounts.get(0), accounts.get(2), accounts.get(3), accounts.get(5));
    }

    @Test
    void deleteByIdsOfNoIdsDeletesNothingRatherThanEverything() {
        write(mapper -> mapper.insertAll(List.of(account(1), account(2))));

        assertThat(write(mapper -> mapper.deleteByIds(List.of()))).isZero();
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void findByIdPrefixFindsAccountsByTheFirstCharactersOfTheirIdInAnyCase() {
        Account wanted = new Account(UUID.fromString("3a8b74c8-6a05-4247-9c60-24b46e3a88fd"), 1);
        Account sameStart = new Account(UUID.fromString("3a8b0000-0000-4000-8000-000000000000"), 2);
        Account other = new Account(UUID.fromString("c3985926-5b77-4c6d-a73d-7c0d4b2a51e7"), 3);
        write(mapper -> mapper.insertAll(List.of(wanted, sameStart, other)));

        assertThat(rows(mapper -> mapper.findByIdPrefix("3A8B74"))).containsExactly(wanted);
        assertThat(rows(mapper -> mapper.findByIdPrefix("3a8b"))).containsExactly(sameStart, wanted);
        assertThat(rows(mapper -> mapper.findByIdPrefix(wanted.id().toString()))).containsExactly(wanted);
        assertThat(rows(mapper -> mapper.findByIdPrefix("3a8c"))).isEmpty();
    }

    @Test
    void injectionShapedPrefixesAreComparedAsTextSoTheyMatchNothingAndDropNothing() {
        List<Account> accounts = List.of(account(1), account(2), account(3));
        write(mapper -> mapper.insertAll(accounts));

        for (String payload : INJECTION_SHAPED) {
            assertThat(rows(mapper -> mapper.findByIdPrefix(payload))).as(payload).isEmpty();
        }
        assertThat(all()).containsExactlyInAnyOrderElementsOf(accounts);
    }

    /**
     * Guards every statement of the mapper, present and future: a value written as ${...}
     * instead of #{...} would show up in the SQL text here.
     */
    @Test
    void everyStatementSendsValuesAsParametersNeverAsSqlText() {
        String payload = "x'; DROP TABLE accounts; --";
        Map<String, Object> row = new HashMap<>(Map.of("id", payload, "balance", payload));
        Map<String, Object> values = new HashMap<>(row);
        values.put("ids", List.of(payload, payload));
        values.put("prefix", payload);
        values.put("accounts", List.of(row, row));

        // By full name: short names shared by several mappers map to an ambiguity marker, not a statement.
        String namespace = AccountMapper.class.getName() + ".";
        List<MappedStatement> statements = sessions.getConfiguration().getMappedStatementNames().stream()
                .filter(name -> name.startsWith(namespace))
                .distinct()
                .map(sessions.getConfiguration()::getMappedStatement)
                .toList();
        assertThat(statements).extracting(MappedStatement::getId).contains(
                AccountMapper.class.getName() + ".insertRows", AccountMapper.class.getName() + ".findByIdPrefix");
        for (MappedStatement statement : statements) {
            BoundSql bound = statement.getBoundSql(values);
            assertThat(bound.getSql()).as(statement.getId()).doesNotContain("DROP");
            assertThat(bound.getParameterMappings().size())
                    .as(statement.getId() + " placeholders")
                    .isEqualTo(bound.getSql().chars().filter(c -> c == '?').count());
        }
    }

    /**
     * The id as the database orders it. UUID.compareTo compares signed longs, so Java and SQL
     * disagree on the order of ids starting with 8-f; their text sorts as the server sorts them.
     */
    private static String idText(Account account) {
        return account.id().toString();
    }

    private static Account account(long balance) {
        return new Account(UUID.randomUUID(), balance);
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private long count() {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(AccountMapper.class).count();
        }
    }

    private long totalBalance() {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(AccountMapper.class).totalBalance();
        }
    }

    private Account byId(UUID id) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(AccountMapper.class).findById(id);
        }
    }

    private List<Account> all() {
        return rows(AccountMapper::findAll);
    }

    private List<Account> rows(Function<AccountMapper, List<Account>> query) {
        try (SqlSession session = sessions.openSession()) {
            return query.apply(session.getMapper(AccountMapper.class));
        }
    }

    /** Runs {@code change} and commits; returns its row count. */
    private int write(ToIntFunction<AccountMapper> change) {
        try (SqlSession session = sessions.openSession()) {
            int rows = change.applyAsInt(session.getMapper(AccountMapper.class));
            session.commit();
            return rows;
        }
    }
}
