package crdb.workshop.common.retry;

import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import java.util.UUID;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** Sets up and reads back accounts outside any executor, so assertions see committed data only. */
final class Accounts {

    private Accounts() {
    }

    static UUID open(SqlSessionFactory sessions, long balance) {
        UUID id = UUID.randomUUID();
        try (SqlSession session = sessions.openSession()) {
            session.getMapper(AccountMapper.class).insert(new Account(id, balance));
            session.commit();
        }
        return id;
    }

    static long balance(SqlSessionFactory sessions, UUID id) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(AccountMapper.class).findById(id).balance();
        }
    }

    static long count(SqlSessionFactory sessions) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(AccountMapper.class).count();
        }
    }
}
