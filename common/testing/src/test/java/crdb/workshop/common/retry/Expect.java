package crdb.workshop.common.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The exception a call throws, for assertions on it; fails the test if it throws none. */
final class Expect {

    private Expect() {
    }

    static <X extends Throwable> X thrown(Class<X> type, ThrowingCallable call) {
        X thrown = catchThrowableOfType(type, call);
        assertThat(thrown).as("expected the call to throw %s", type.getSimpleName()).isNotNull();
        return thrown;
    }
}
