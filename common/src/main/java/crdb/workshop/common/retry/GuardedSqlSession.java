package crdb.workshop.common.retry;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.executor.BatchResult;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.apache.ibatis.session.SqlSession;

/**
 * The session a callback sees: everything a unit of work needs, but commit, rollback and close
 * throw. The transaction's life belongs to the executor ("never commit or roll back inside the
 * retried callback"). Mappers taken from it route their calls through it.
 */
final class GuardedSqlSession implements SqlSession {

    private final SqlSession delegate;

    GuardedSqlSession(SqlSession delegate) {
        this.delegate = delegate;
    }

    private static TransactionMisuseException refuse(String what) {
        return new TransactionMisuseException("Do not " + what + " inside a RetryExecutor callback: the executor"
                + " commits, rolls back and closes the session itself, and retries the whole unit of work.");
    }

    @Override
    public void commit() {
        throw refuse("commit");
    }

    @Override
    public void commit(boolean force) {
        throw refuse("commit");
    }

    @Override
    public void rollback() {
        throw refuse("roll back");
    }

    @Override
    public void rollback(boolean force) {
        throw refuse("roll back");
    }

    @Override
    public void close() {
        throw refuse("close the session");
    }

    @Override
    public <T> T getMapper(Class<T> type) {
        return delegate.getConfiguration().getMapper(type, this);
    }

    @Override
    public <T> T selectOne(String statement) {
        return delegate.selectOne(statement);
    }

    @Override
    public <T> T selectOne(String statement, Object parameter) {
        return delegate.selectOne(statement, parameter);
    }

    @Override
    public <E> List<E> selectList(String statement) {
        return delegate.selectList(statement);
    }

    @Override
    public <E> List<E> selectList(String statement, Object parameter) {
        return delegate.selectList(statement, parameter);
    }

    @Override
    public <E> List<E> selectList(String statement, Object parameter, RowBounds rowBounds) {
        return delegate.selectList(statement, parameter, rowBounds);
    }

    @Override
    public <K, V> Map<K, V> selectMap(String statement, String mapKey) {
        return delegate.selectMap(statement, mapKey);
    }

    @Override
    public <K, V> Map<K, V> selectMap(String statement, Object parameter, String mapKey) {
        return delegate.selectMap(statement, parameter, mapKey);
    }

    @Override
    public <K, V> Map<K, V> selectMap(String statement, Object parameter, String mapKey, RowBounds rowBounds) {
        return delegate.selectMap(statement, parameter, mapKey, rowBounds);
    }

    @Override
    public <T> Cursor<T> selectCursor(String statement) {
        return delegate.selectCursor(statement);
    }

    @Override
    public <T> Cursor<T> selectCursor(String statement, Object parameter) {
        return delegate.selectCursor(statement, parameter);
    }

    @Override
    public <T> Cursor<T> selectCursor(String statement, Object parameter, RowBounds rowBounds) {
        return delegate.selectCursor(statement, parameter, rowBounds);
    }

    @Override
    public void select(String statement, Object parameter, ResultHandler handler) {
        delegate.select(statement, parameter, handler);
    }

    @Override
    public void select(String statement, ResultHandler handler) {
        delegate.select(statement, handler);
    }

    @Override
    public void select(String statement, Object parameter, RowBounds rowBounds, ResultHandler handler) {
        delegate.select(statement, parameter, rowBounds, handler);
    }

    @Override
    public int insert(String statement) {
        return delegate.insert(statement);
    }

    @Override
    public int insert(String statement, Object parameter) {
        return delegate.insert(statement, parameter);
    }

    @Override
    public int update(String statement) {
        return delegate.update(statement);
    }

    @Override
    public int update(String statement, Object parameter) {
        return delegate.update(statement, parameter);
    }

    @Override
    public int delete(String statement) {
        return delegate.delete(statement);
    }

    @Override
    public int delete(String statement, Object parameter) {
        return delegate.delete(statement, parameter);
    }

    @Override
    public List<BatchResult> flushStatements() {
        return delegate.flushStatements();
    }

    @Override
    public void clearCache() {
        delegate.clearCache();
    }

    @Override
    public Configuration getConfiguration() {
        return delegate.getConfiguration();
    }

    @Override
    public Connection getConnection() {
        return delegate.getConnection();
    }
}
