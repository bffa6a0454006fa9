-- Sell only what can be delivered. A format of a standard whose master file is not uploaded yet is
-- offered only when the Editors have said how long it takes to deliver one ("delivered within N
-- working days"); with no row for a format, such offers are not shown at all. The defaults are the
-- honest ones for a small office: a PDF is prepared within 3 working days, a printed copy within 10.
CREATE TABLE delivery_times (
    format character varying(10) NOT NULL,
    working_days integer NOT NULL,
    updated_at timestamp with time zone NOT NULL DEFAULT now(),
    updated_by character varying(256),
    CONSTRAINT pk_delivery_times PRIMARY KEY (format),
    CONSTRAINT ck_delivery_times_working_days CHECK (working_days BETWEEN 1 AND 60)
);
INSERT INTO delivery_times (format, working_days) VALUES ('Pdf', 3), ('Paper', 10);

-- Offers on the cached standard page change when a file arrives or a delivery time changes.
CREATE TRIGGER catalogue_touch_insert AFTER INSERT ON delivery_times REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_update AFTER UPDATE ON delivery_times REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_delete AFTER DELETE ON delivery_times REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
-- A source file's row holds the whole PDF: a transition table would copy it, so these triggers
-- bump the version for each row without one (files arrive one at a time).
CREATE FUNCTION catalogue_touch_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE catalogue_state SET version = version + 1, changed_at = now() WHERE id = 1;
    RETURN NULL;
END
$$;
CREATE TRIGGER catalogue_touch_insert AFTER INSERT ON source_files FOR EACH ROW EXECUTE FUNCTION catalogue_touch_row();
CREATE TRIGGER catalogue_touch_delete AFTER DELETE ON source_files FOR EACH ROW EXECUTE FUNCTION catalogue_touch_row();
