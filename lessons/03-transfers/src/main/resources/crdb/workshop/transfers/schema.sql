-- Lesson 03, part 2: one row per applied transfer, keyed by the id the client gave it. Safe to
-- run again (IF NOT EXISTS), and valid on both CockroachDB and PostgreSQL.
--
-- The row is written in the same transaction as the balances it moves, so it exists exactly when
-- the money moved. A transfer retried after a COMMIT whose answer was lost finds its row and does
-- nothing: it is applied once, however many times it is sent.
-- tag::transfers-table[]
CREATE TABLE IF NOT EXISTS transfers (
    id UUID PRIMARY KEY,
    from_id UUID NOT NULL,
    to_id UUID NOT NULL,
    amount INT8 NOT NULL CHECK (amount > 0),
    CHECK (from_id <> to_id)
);
-- end::transfers-table[]
