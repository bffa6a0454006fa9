-- Printed copies go to a shipping address, which may differ from the billing address (a company's
-- accounts department pays, the engineer receives). Null for orders without a printed copy.
ALTER TABLE orders ADD COLUMN shipping_name character varying(200);
ALTER TABLE orders ADD COLUMN shipping_organization character varying(200);
ALTER TABLE orders ADD COLUMN shipping_street character varying(200);
ALTER TABLE orders ADD COLUMN shipping_postal_code character varying(20);
ALTER TABLE orders ADD COLUMN shipping_city character varying(100);
ALTER TABLE orders ADD COLUMN shipping_country character varying(2);

-- Printed copies ordered before were shipped to the billing address.
UPDATE orders o SET shipping_name = billing_name, shipping_organization = billing_organization, shipping_street = billing_street,
    shipping_postal_code = billing_postal_code, shipping_city = billing_city, shipping_country = billing_country
WHERE EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.format = 'Paper');
