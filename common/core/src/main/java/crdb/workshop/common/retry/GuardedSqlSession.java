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
 * retried callback"). Mappers taken from it route their calls through it, so they go dead with
 * it when the attempt ends.
 */
final class GuardedSqlSession implements SqlSession {

    private final SqlSession delegate;
    private final TransactionScope scope;

    GuardedSqlSession(SqlSession delegate, TransactionScope scope) {
        this.delegate = delegate;
        this.scope = scope;
    }

    private SqlSession open() {
        scope.checkOpen();
        return delegate;
    }

    @Override
    public void commit() {
        scope.checkOpen();
        throw scope.refuseTransactionControl("commit");
    }

    @Override
    public void commit(boolean force) {
        commit();
    }

    @Override
    public void rollback() {
        scope.checkOpen();
        throw scope.refuseTransactionControl("roll back");
    }

    @Override
    public void rollback(boolean force) {
        rollback();
    }

    @Override
    public void close() {
        scope.checkOpen();
        throw scope.refuseTransactionControl("close the session");
    }

    @Override
    public <T> T getMapper(Class<T> type) {
        return open().getConfiguration().getMapper(type, this);
    }

    @Override
    public Connection getConnection() {
        scope.checkOpen();
        return scope.guardedConnection();
    }

    @Override
    public <T> T selectOne(String statement) {
        return open().selectOne(statement);
    }

    @Override
    public <T> T selectOne(String statement, Object parameter) {
        return open().selectOne(statement, parameter);
    }

    @Override
    public <E> List<E> selectList(String statement) {
        return open().selectList(statement);
    }

    @Override
    public <E> List<E> selectList(String statement, Object parameter) {
        return open().selectList(statement, parameter);
    }

    @Override
    public <E> List<E> selectList(String statement, Object parameter, RowBounds rowBounds) {
        return open().selectList(statement, parameter, rowBounds);
    }

    @Override
    public <K, V> Map<K, V> selectMap(String statement, String mapKey) {
        return open().selectMap(statement, mapKey);
    }

    @Override
    public <K, V> Map<K, V> selectMap(String statement, Object parameter, String mapKey) {
        return open().selectMap(statement, parameter, mapKey);
    }

    @Override
    public <K, V> Map<K, V> selectMap(String statement, Object parameter, String mapKey, RowBounds rowBounds) {
        return open().selectMap(statement, parameter, mapKey, rowBounds);
    }

    @Override
    public <T> Cursor<T> selectCursor(String statement) {
        return open().selectCursor(statement);
    }

    @Override
    public <T> Cursor<T> selectCursor(String statement, Object parameter) {
        return open().selectCursor(statement, parameter);
    }

    @Override
    public <T> Cursor<T> selectCursor(String statement, Object parameter, RowBounds rowBounds) {
        return open().selectCursor(statement, parameter, rowBounds);
    }

    @Override
    @SuppressWarnings("rawtypes") // SqlSession declares these with the raw type
    public void select(String statement, Object parameter, ResultHandler handler) {
        open().select(statement, parameter, handler);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void select(String statement, ResultHandler handler) {
        open().select(statement, handler);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void select(String statement, Object parameter, RowBounds rowBounds, ResultHandler handler) {
        open().select(statement, parameter, rowBounds, handler);
    }

    @Override
    public int insert(String statement) {
        return open().insert(statement);
    }

    @Override
    public int insert(String statement, Object parameter) {
        return open().insert(statement, parameter);
    }

    @Override
    public int update(String statement) {
        return open().update(statement);
    }

    @Override
    public int update(String statement, Object parameter) {
        return open().update(statement, parameter);
    }

    @Override
    public int delete(String statement) {
        return open().delete(statement);
    }

    @Override
    public int delete(String statement, Object parameter) {
        return open().delete(statement, parameter);
    }

    @Override
    public List<BatchResult> flushStatements() {
        return open().flushStatements();
    }

    @Override
    public void clearCache() {
        open().clearCache();
    }

    @Override
    public Configuration getConfiguration() {
        return open().getConfiguration();
    }
}
