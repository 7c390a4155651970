package crdb.workshop.common.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a real database of its own, with dbinit.sql applied. Declare a
 * {@link crdb.workshop.common.db.Database} parameter (constructor, lifecycle or test method) to
 * get it. The server is chosen as the lessons choose theirs and started once per JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DatabaseExtension.class)
public @interface DatabaseTest {
}
