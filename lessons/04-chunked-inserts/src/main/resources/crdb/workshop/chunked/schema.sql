-- Lesson 04: the tutorial's points table. Safe to run again (IF NOT EXISTS), and valid on both
-- CockroachDB and PostgreSQL.
--
-- The tutorial declares id INT PRIMARY KEY DEFAULT unique_rowid(). PostgreSQL has no
-- unique_rowid(), and any key the database makes up (unique_rowid, gen_random_uuid, a sequence)
-- is new on every insert, so re-running a load that failed part-way inserts the committed chunks
-- a second time. Here the client computes each key from the row's place in its load (Points.java),
-- so a re-run sends the same keys and INSERT ... ON CONFLICT (id) DO NOTHING skips them. UUIDs
-- rather than 1, 2, 3: on CockroachDB, sequential keys send every insert to the same range.
-- tag::points-table[]
CREATE TABLE IF NOT EXISTS points (
    id UUID PRIMARY KEY,
    x FLOAT8 NOT NULL,
    y FLOAT8 NOT NULL,
    z FLOAT8 NOT NULL,
    -- The generator's cube, as in the tutorial (random() * 1024). A point outside it is bad input
    -- and the database refuses it, which is also how the tests make a chunk fail for real.
    CONSTRAINT points_inside_the_cube CHECK (
        x >= 0 AND x < 1024 AND y >= 0 AND y < 1024 AND z >= 0 AND z < 1024)
);
-- end::points-table[]
