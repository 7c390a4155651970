package crdb.workshop.transfers;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.testing.DatabaseTest;
import crdb.workshop.common.testing.PrintedOutput;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.Test;

/** The lesson moves $100 twice, prints the $1000 account first every time, and cleans up after itself. */
@DatabaseTest
class TransferLessonTest {

    private static final Pattern BALANCE_LINE = Pattern.compile("account id: (\\S+)  balance: \\$(\\d+)");

    private static String runLesson(Database database) throws Exception {
        return PrintedOutput.of(database, TransferLesson::run);
    }

    @Test
    void balancesMoveByAHundredTwiceWithTheFirstAccountAlwaysFirst(Database database) throws Exception {
        List<Matcher> lines = runLesson(database).lines().map(BALANCE_LINE::matcher).filter(Matcher::matches).toList();

        assertThat(lines).extracting(m -> m.group(2)).containsExactly("1000", "250", "900", "350", "800", "450");
        String firstId = lines.get(0).group(1);
        assertThat(List.of(lines.get(2).group(1), lines.get(4).group(1))).containsOnly(firstId);
    }

    @Test
    void theLessonLeavesNoAccountsBehindAndCanRunAgain(Database database) throws Exception {
        long before = countAccounts(database);

        runLesson(database);
        runLesson(database);

        assertThat(countAccounts(database)).isEqualTo(before);
    }

    private static long countAccounts(Database database) {
        try (SqlSession session = database.sessionFactory().openSession()) {
            return session.getMapper(AccountMapper.class).count();
        }
    }
}
