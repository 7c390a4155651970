package crdb.workshop.common.mapper;

import java.util.UUID;

/** One row of the accounts table (dbinit.sql). */
public record Account(UUID id, long balance) {
}
