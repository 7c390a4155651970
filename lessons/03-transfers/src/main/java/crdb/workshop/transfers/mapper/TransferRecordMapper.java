package crdb.workshop.transfers.mapper;

import crdb.workshop.transfers.Transfer;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;

/** The transfers table (schema.sql): one row per applied transfer, keyed by the client's transfer id. */
public interface TransferRecordMapper {

    /** Records transfer {@code id}; returns 0, and writes nothing, when a row with that id exists. */
    // tag::insert-if-absent[]
    @Insert("INSERT INTO transfers (id, from_id, to_id, amount)"
            + " VALUES (#{id}, #{transfer.from}, #{transfer.to}, #{transfer.amount})"
            + " ON CONFLICT (id) DO NOTHING")
    int insertIfAbsent(@Param("id") UUID id, @Param("transfer") Transfer transfer);
    // end::insert-if-absent[]

    /** The transfer recorded under {@code id}, or {@code null}. */
    Transfer findById(@Param("id") UUID id);

    /** The ids of the transfers out of {@code accounts} (none for an empty collection). */
    List<UUID> idsFrom(@Param("ids") Collection<UUID> accounts);

    /** For each of {@code accounts} with recorded transfers: money in minus money out. */
    List<NetFlow> netFlows(@Param("ids") Collection<UUID> accounts);

    /** Deletes the transfers out of {@code accounts}; returns how many. */
    int deleteFrom(@Param("ids") Collection<UUID> accounts);
}
