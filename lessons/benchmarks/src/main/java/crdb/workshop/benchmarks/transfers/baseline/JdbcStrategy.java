package crdb.workshop.benchmarks.transfers.baseline;

import crdb.workshop.common.mapper.Account;
import crdb.workshop.transfers.LockOrder;
import crdb.workshop.transfers.Transfer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The three strategies in hand-written JDBC, statement for statement as their MyBatis versions
 * (ReadModifyWriteTransfer, SelectForUpdateTransfer, SingleStatementTransfer), with the mappers'
 * SQL: JdbcStrategyTest checks each string against the mapped statement.
 */
public enum JdbcStrategy {

    READ_MODIFY_WRITE {
        @Override
        void transfer(Connection connection, Transfer transfer) throws SQLException {
            Account source = findAccount(connection, FIND_ACCOUNT, transfer.from());
            Account target = findAccount(connection, FIND_ACCOUNT, transfer.to());
            transfer.checkAgainst(source, target);
            Account debited = new Account(source.id(), source.balance() - transfer.amount());
            Account credited = new Account(target.id(), target.balance() + transfer.amount());
            for (Account account : Stream.of(debited, credited)
                    .sorted(Comparator.comparing(Account::id, LockOrder.BY_ID)).toList()) {
                update(connection, UPDATE_BALANCE, account.balance(), account.id());
            }
        }
    },

    SELECT_FOR_UPDATE {
        @Override
        void configureTransaction(Connection connection, boolean postgresql) throws SQLException {
            if (postgresql) {
                try (PreparedStatement statement = connection.prepareStatement(READ_COMMITTED)) {
                    statement.execute();
                }
            }
        }

        @Override
        void transfer(Connection connection, Transfer transfer) throws SQLException {
            Map<UUID, Account> locked = new HashMap<>();
            for (UUID id : Stream.of(transfer.from(), transfer.to()).sorted(LockOrder.BY_ID).toList()) {
                locked.put(id, findAccount(connection, LOCK_ACCOUNT, id));
            }
            transfer.checkAgainst(locked.get(transfer.from()), locked.get(transfer.to()));
            update(connection, ADD_TO_BALANCE, -transfer.amount(), transfer.from());
            update(connection, ADD_TO_BALANCE, transfer.amount(), transfer.to());
        }
    },

    SINGLE_STATEMENT {
        @Override
        void transfer(Connection connection, Transfer transfer) throws SQLException {
            int changed;
            try (PreparedStatement statement = connection.prepareStatement(MOVE_MONEY)) {
                statement.setObject(1, transfer.from());
                statement.setLong(2, transfer.amount());
                statement.setLong(3, transfer.amount());
                statement.setObject(4, transfer.from());
                statement.setObject(5, transfer.to());
                statement.setObject(6, transfer.from());
                statement.setLong(7, transfer.amount());
                changed = statement.executeUpdate();
            }
            if (changed == 2) {
                return;
            }
            transfer.checkAgainst(findAccount(connection, FIND_ACCOUNT, transfer.from()),
                    findAccount(connection, FIND_ACCOUNT, transfer.to()));
            throw new IllegalStateException("The transfer changed " + changed + " rows, but both accounts exist and "
                    + transfer.from() + " covers $" + transfer.amount());
        }
    };

    static final String FIND_ACCOUNT = "SELECT id, balance FROM accounts WHERE id = ?";
    static final String UPDATE_BALANCE = "UPDATE accounts SET balance = ? WHERE id = ?";
    static final String LOCK_ACCOUNT = "SELECT id, balance FROM accounts WHERE id = ? FOR UPDATE";
    static final String ADD_TO_BALANCE = "UPDATE accounts SET balance = balance + ? WHERE id = ?";
    static final String READ_COMMITTED = "SET TRANSACTION ISOLATION LEVEL READ COMMITTED";
    static final String MOVE_MONEY = "UPDATE accounts"
            + " SET balance = balance + CASE WHEN id = ? THEN -? ELSE ? END"
            + " WHERE id IN (?, ?)"
            + " AND EXISTS (SELECT 1 FROM accounts WHERE id = ? AND balance >= ?)";

    /** Runs first in the transaction; as TransferStrategy.configureTransaction. */
    void configureTransaction(Connection connection, boolean postgresql) throws SQLException {
    }

    abstract void transfer(Connection connection, Transfer transfer) throws SQLException;

    private static Account findAccount(Connection connection, String sql, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? new Account(rs.getObject(1, UUID.class), rs.getLong(2)) : null;
            }
        }
    }

    private static int update(Connection connection, String sql, long value, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, value);
            statement.setObject(2, id);
            return statement.executeUpdate();
        }
    }
}
