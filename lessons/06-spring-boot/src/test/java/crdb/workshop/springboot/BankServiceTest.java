package crdb.workshop.springboot;

import crdb.workshop.springboot.mistakes.MistakesConfiguration;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole service on a random port, over real HTTP, on a real database. Every test class uses
 * the same configuration, so Spring starts one service (and one database) for all of them; each
 * test makes accounts of its own and looks only at those.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {BankApplication.class, TestDatabaseConfiguration.class, MistakesConfiguration.class})
public @interface BankServiceTest {
}
