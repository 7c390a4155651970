package crdb.workshop.transfers;

import java.util.Comparator;
import java.util.UUID;

/**
 * The one order in which transfers lock accounts: by id, as the database sorts UUIDs. Two
 * transactions that lock rows in the same order never wait for each other in a cycle (a
 * deadlock); any fixed order would do between our own transfers, and the database's keeps us in
 * step with statements that lock rows as they scan the primary key.
 */
public final class LockOrder {

    // tag::by-id[]
    /**
     * The database compares UUIDs byte by byte, unsigned. {@link UUID#compareTo} compares its two
     * halves as signed numbers, so it sorts some ids the other way round: do not use it here.
     */
    public static final Comparator<UUID> BY_ID = Comparator
            .comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);
    // end::by-id[]

    private LockOrder() {
    }
}
