-- The site's logo and colours as an Administrator set them: one row, none while the defaults
-- (configuration's Organization:Logo and Organization:Colours, else the built-in ones) apply.
-- The logo is kept already resized to the header's size (a few kilobytes of PNG), so every node
-- holds it in memory and serves it without a query.
CREATE TABLE site_identity (
    id integer NOT NULL,
    logo bytea,
    logo_width integer,
    logo_height integer,
    primary_colour character varying(7),
    link_colour character varying(7),
    accent_colour character varying(7),
    updated_at timestamp with time zone NOT NULL,
    updated_by character varying(450),
    CONSTRAINT pk_site_identity PRIMARY KEY (id),
    CONSTRAINT ck_site_identity_single_row CHECK (id = 1)
);

-- Every page shows the logo and links the colours, and pages are cached under the catalogue's
-- version (0100): a change on any node must retire them on every node, and tells each node to
-- read the identity again.
CREATE TRIGGER catalogue_touch_insert AFTER INSERT ON site_identity REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_update AFTER UPDATE ON site_identity REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_delete AFTER DELETE ON site_identity REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
