-- The seller's currency and VAT rules move to a regime file (Features/Store/Tax/Regimes, chosen by
-- Store:Tax:Regime): a German or Austrian member body sells in euros under its own VAT, with EU
-- reverse charge and one-stop-shop rates, which one table of rates by billing country could not say.
-- Each order line now keeps the country whose VAT it carries and why, for invoices and the accountant.
ALTER TABLE order_lines ADD COLUMN tax_country character varying(2);
ALTER TABLE order_lines ADD COLUMN tax_basis character varying(20);

-- Orders so far were sold under the Swiss rules alone: Swiss VAT in Switzerland and Liechtenstein,
-- none abroad (an export, or a service taxed where the buyer is).
UPDATE order_lines l
SET tax_country = CASE WHEN l.vat_rate > 0 OR o.billing_country IN ('CH', 'LI') THEN 'CH' ELSE o.billing_country END,
    tax_basis = CASE WHEN l.vat_rate > 0 OR o.billing_country IN ('CH', 'LI') THEN 'Domestic' ELSE 'Export' END
FROM orders o
WHERE o.id = l.order_id;

ALTER TABLE order_lines ALTER COLUMN tax_country SET NOT NULL;
ALTER TABLE order_lines ALTER COLUMN tax_basis SET NOT NULL;

DROP TABLE tax_rules;
