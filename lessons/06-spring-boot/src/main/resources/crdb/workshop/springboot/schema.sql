-- Lesson 06 records transfers in lesson 03's transfers table: the same statement, so whichever
-- lesson runs first creates it (IF NOT EXISTS), and TransfersTableTest checks the two stay equal.
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
