package crdb.workshop.common.retry;

import java.util.Objects;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;

/**
 * A MyBatis configuration that carries the run's {@link GiveUpTime}, so that every RetryExecutor
 * built on its SqlSessionFactory shares it (see {@link RetryExecutor.Builder}).
 */
public final class GiveUpConfiguration extends Configuration {

    private final GiveUpTime giveUpTime;

    public GiveUpConfiguration(Environment environment, GiveUpTime giveUpTime) {
        super(environment);
        this.giveUpTime = Objects.requireNonNull(giveUpTime, "giveUpTime");
    }

    public GiveUpTime giveUpTime() {
        return giveUpTime;
    }
}
