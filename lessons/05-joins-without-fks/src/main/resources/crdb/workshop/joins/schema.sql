-- Lesson 05: customers, and orders that point at them by customer_id, with NO foreign key.
-- Nothing in the database stops an order from naming a customer that does not exist; the
-- application keeps that promise itself (see OrderService).
-- Safe to run again (IF NOT EXISTS), and valid on both CockroachDB and PostgreSQL.
-- tag::schema[]
CREATE TABLE IF NOT EXISTS customers (
    id UUID PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS orders (
    id UUID PRIMARY KEY,
    customer_id UUID NOT NULL,  -- no REFERENCES customers (id): the lesson's point
    item TEXT NOT NULL,
    quantity INT4 NOT NULL CHECK (quantity > 0)
);

-- The joins, the orphan check and "delete the customer's orders" all find orders by
-- customer_id; without this index each of them reads the whole table.
CREATE INDEX IF NOT EXISTS orders_customer_id_idx ON orders (customer_id);
-- end::schema[]
