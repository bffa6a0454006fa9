-- Invoices and credit notes are numbered without gaps per calendar year (VAT rules in Switzerland
-- and the EU ask for a unique, sequential number per invoice). A sequence leaves gaps when a
-- transaction rolls back, so each number comes from a counter row updated in the transaction that
-- records the payment or the refund: a rollback takes the number back, and concurrent
-- transactions wait for each other on the row.
CREATE TABLE document_counters (
    kind character varying(20) NOT NULL,
    year integer NOT NULL,
    last integer NOT NULL,
    CONSTRAINT pk_document_counters PRIMARY KEY (kind, year)
);

ALTER TABLE orders ADD COLUMN invoice_number character varying(20);
ALTER TABLE orders ADD COLUMN credit_note_number character varying(20);
ALTER TABLE orders ADD COLUMN refunded_at timestamp with time zone;
CREATE UNIQUE INDEX ix_orders_invoice_number ON orders (invoice_number);
CREATE UNIQUE INDEX ix_orders_credit_note_number ON orders (credit_note_number);

-- Orders paid before numbering began get their numbers in the order they were paid.
WITH numbered AS (
    SELECT id, extract(year FROM paid_at AT TIME ZONE 'UTC')::integer AS year,
           row_number() OVER (PARTITION BY extract(year FROM paid_at AT TIME ZONE 'UTC') ORDER BY paid_at, id) AS n
    FROM orders WHERE paid_at IS NOT NULL
)
UPDATE orders SET invoice_number = 'INV-' || numbered.year || '-' || lpad(numbered.n::text, 6, '0')
FROM numbered WHERE orders.id = numbered.id;
INSERT INTO document_counters (kind, year, last)
SELECT 'invoice', extract(year FROM paid_at AT TIME ZONE 'UTC')::integer, count(*) FROM orders WHERE paid_at IS NOT NULL GROUP BY 1, 2;

WITH refunded AS (
    SELECT o.id, min(p.at) AS at FROM orders o JOIN payments p ON p.order_id = o.id AND p.kind = 'Refund'
    WHERE o.status = 'Refunded' GROUP BY o.id
), numbered AS (
    SELECT id, at, extract(year FROM at AT TIME ZONE 'UTC')::integer AS year,
           row_number() OVER (PARTITION BY extract(year FROM at AT TIME ZONE 'UTC') ORDER BY at, id) AS n
    FROM refunded
)
UPDATE orders SET refunded_at = numbered.at, credit_note_number = 'CN-' || numbered.year || '-' || lpad(numbered.n::text, 6, '0')
FROM numbered WHERE orders.id = numbered.id;
INSERT INTO document_counters (kind, year, last)
SELECT 'credit-note', extract(year FROM refunded_at AT TIME ZONE 'UTC')::integer, count(*) FROM orders WHERE refunded_at IS NOT NULL GROUP BY 1, 2;
