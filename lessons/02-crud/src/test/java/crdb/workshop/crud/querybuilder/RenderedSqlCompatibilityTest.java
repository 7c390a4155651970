package crdb.workshop.crud.querybuilder;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.compat.CockroachIncompatibility;
import crdb.workshop.common.mapper.Account;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The CockroachDB guard over the SQL MyBatis Dynamic SQL renders, which no source file holds: every
 * public statement of AccountStatements is rendered with sample values and checked like the
 * mapper XML (CockroachCompatibilityTest in common/testing reads the written SQL).
 */
class RenderedSqlCompatibilityTest {

    @Test
    void everyRenderedStatementIsValidOnCockroachDb() throws Exception {
        List<String> rendered = new ArrayList<>();
        for (Method method : AccountStatements.class.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && Modifier.isStatic(method.getModifiers())) {
                Object provider = method.invoke(null, sampleArguments(method));
                rendered.add(method.getName() + ": " + sqlOf(method.getReturnType(), provider));
            }
        }

        assertThat(rendered).as("statements rendered").hasSizeGreaterThanOrEqualTo(5);
        List<String> findings = rendered.stream()
                .flatMap(line -> CockroachIncompatibility.of(line.substring(line.indexOf(": ") + 2)).stream()
                        .map(rule -> "AccountStatements." + line + "\n    " + rule + ": " + rule.why + " (" + rule.source + ")"))
                .toList();
        assertThat(findings).as("rendered statements CockroachDB rejects or fakes").isEmpty();
    }

    /** The provider interface's getInsertStatement(), getSelectStatement(), ...: the SQL text. */
    private static String sqlOf(Class<?> providerType, Object provider) throws Exception {
        for (Method getter : providerType.getMethods()) {
            if (getter.getParameterCount() == 0 && getter.getReturnType() == String.class
                    && getter.getName().matches("get[A-Za-z]*Statement")) {
                return (String) getter.invoke(provider);
            }
        }
        throw new IllegalStateException(providerType + " has no statement getter");
    }

    private static Object[] sampleArguments(Method method) {
        Type[] types = method.getGenericParameterTypes();
        return Arrays.stream(types).map(RenderedSqlCompatibilityTest::sample).toArray();
    }

    private static Object sample(Type type) {
        if (type == UUID.class) {
            return UUID.randomUUID();
        }
        if (type == long.class) {
            return 1L;
        }
        if (type instanceof ParameterizedType collection
                && collection.getActualTypeArguments()[0] == Account.class) {
            return List.of(new Account(UUID.randomUUID(), 1), new Account(UUID.randomUUID(), 2));
        }
        if (type instanceof ParameterizedType collection
                && collection.getActualTypeArguments()[0] == UUID.class) {
            return List.of(UUID.randomUUID(), UUID.randomUUID());
        }
        throw new IllegalArgumentException("no sample value for " + type + ": add one to this test");
    }
}
