package crdb.workshop.springboot;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops the services the tests started when the test run ends. Spring keeps a test's application
 * context (and its Tomcat) open for the next test class until the JVM exits; the exercise command
 * runs in Maven's JVM, which waits for Tomcat's non-daemon thread, so without this it never ends.
 * A bean of {@link TestDatabaseConfiguration} notes each context; JUnit calls the listener
 * (registered in META-INF/services) after the last test, in the exercise command and in Surefire.
 */
public final class ServicesStoppedAtEnd implements TestExecutionListener, ApplicationContextAware {

    private static final List<ConfigurableApplicationContext> STARTED = new ArrayList<>();

    @Override
    public void setApplicationContext(ApplicationContext context) {
        synchronized (STARTED) {
            STARTED.add((ConfigurableApplicationContext) context);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        synchronized (STARTED) {
            STARTED.forEach(ConfigurableApplicationContext::close);
            STARTED.clear();
        }
    }
}
