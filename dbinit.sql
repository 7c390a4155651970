-- The tutorial's bank: one table of accounts.
-- Safe to run again (IF NOT EXISTS), and valid on both CockroachDB and PostgreSQL:
--   cockroach sql --url "$DATABASE_URL" < dbinit.sql
--   psql "$DATABASE_URL" < dbinit.sql
-- The lessons apply this same file at start-up, so running it by hand is optional.
-- tag::accounts[]
CREATE TABLE IF NOT EXISTS accounts (
    id UUID PRIMARY KEY,
    balance INT8 NOT NULL CHECK (balance >= 0)
);
-- end::accounts[]
