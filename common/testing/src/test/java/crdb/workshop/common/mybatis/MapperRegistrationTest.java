package crdb.workshop.common.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import crdb.workshop.common.db.Database;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.common.mybatis.unnamed.mapper.UnnamedMapper;
import crdb.workshop.common.retry.mapper.LedgerMapper;
import crdb.workshop.common.testing.DatabaseTest;
import org.apache.ibatis.session.Configuration;
import org.junit.jupiter.api.Test;

/**
 * MyBatisFactory registers the mapper packages the modules on the classpath name in
 * META-INF/workshop/mapper-packages.txt (core's, and here this module's test mappers), and no
 * other mapper interface it could find.
 */
@DatabaseTest
class MapperRegistrationTest {

    private final Configuration configuration;

    MapperRegistrationTest(Database database) {
        this.configuration = database.sessionFactory().getConfiguration();
    }

    @Test
    void coresMappersAndTheNamedTestMappersAreRegistered() {
        assertThat(MyBatisFactory.mapperPackages()).contains("crdb.workshop.common.mapper",
                "crdb.workshop.common.retry.mapper", "crdb.workshop.common.echo.mapper");
        assertThat(configuration.hasMapper(AccountMapper.class)).isTrue();
        assertThat(configuration.hasMapper(LedgerMapper.class)).isTrue();
    }

    @Test
    void aMapperInAPackageNobodyNamedIsNotRegistered() {
        assertThat(configuration.hasMapper(UnnamedMapper.class)).isFalse();
        assertThat(configuration.getMapperRegistry().getMappers())
                .allMatch(type -> MyBatisFactory.mapperPackages().stream()
                        .anyMatch(named -> type.getPackageName().startsWith(named)));
    }
}
