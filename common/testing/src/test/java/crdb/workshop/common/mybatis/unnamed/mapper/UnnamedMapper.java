package crdb.workshop.common.mybatis.unnamed.mapper;

import org.apache.ibatis.annotations.Select;

/** A mapper in a package no mapper-packages.txt names: MyBatisFactory must leave it out. */
public interface UnnamedMapper {

    @Select("SELECT 1")
    int one();
}
