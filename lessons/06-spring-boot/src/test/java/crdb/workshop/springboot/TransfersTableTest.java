package crdb.workshop.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.docs.RepositoryRoot;
import crdb.workshop.common.docs.SourceRegion;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Lessons 03 and 06 share the transfers table, and whichever runs first creates it: their two
 * CREATE TABLE statements must stay the same.
 */
class TransfersTableTest {

    @Test
    void lesson06CreatesTheTransfersTableExactlyAsLesson03Does() {
        Path root = RepositoryRoot.find();
        String ours = region(root.resolve("lessons/06-spring-boot/src/main/resources/crdb/workshop/springboot/schema.sql"));
        String lesson03 = region(root.resolve("lessons/03-transfers/src/main/resources/crdb/workshop/transfers/schema.sql"));

        assertThat(ours).isEqualTo(lesson03);
    }

    private static String region(Path file) {
        return SourceRegion.read(file, "transfers-table");
    }
}
