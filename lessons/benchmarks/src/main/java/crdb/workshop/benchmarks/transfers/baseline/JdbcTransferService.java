package crdb.workshop.benchmarks.transfers.baseline;

import crdb.workshop.transfers.Transfer;
import crdb.workshop.transfers.TransferDeclinedException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * IdempotentTransfers in hand-written JDBC, for the benchmark's baseline: the same transaction (the
 * strategy's setup, the transfers row, the strategy's statements), the same SQL, the same retry
 * rules, on the same connection pool; no MyBatis and no RetryExecutor.
 */
public final class JdbcTransferService {

    static final String INSERT_TRANSFER = "INSERT INTO transfers (id, from_id, to_id, amount)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";
    static final String FIND_TRANSFER = "SELECT from_id, to_id, amount FROM transfers WHERE id = ?";

    private final JdbcRetryLoop loop;
    private final JdbcStrategy strategy;
    private final boolean postgresql;

    public JdbcTransferService(JdbcRetryLoop loop, JdbcStrategy strategy, boolean postgresql) {
        this.loop = loop;
        this.strategy = strategy;
        this.postgresql = postgresql;
    }

    /** As {@link crdb.workshop.transfers.IdempotentTransfers#transfer}. */
    public boolean transfer(UUID transferId, Transfer transfer) {
        return loop.run(connection -> {
            strategy.configureTransaction(connection, postgresql);
            if (insertIfAbsent(connection, transferId, transfer) == 0) {
                Transfer recorded = find(connection, transferId);
                if (!transfer.equals(recorded)) {
                    throw TransferDeclinedException.idReused(transferId, recorded);
                }
                return false;
            }
            strategy.transfer(connection, transfer);
            return true;
        });
    }

    private static int insertIfAbsent(Connection connection, UUID id, Transfer transfer) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_TRANSFER)) {
            statement.setObject(1, id);
            statement.setObject(2, transfer.from());
            statement.setObject(3, transfer.to());
            statement.setLong(4, transfer.amount());
            return statement.executeUpdate();
        }
    }

    private static Transfer find(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(FIND_TRANSFER)) {
            statement.setObject(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next()
                        ? new Transfer(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getLong(3))
                        : null;
            }
        }
    }
}
