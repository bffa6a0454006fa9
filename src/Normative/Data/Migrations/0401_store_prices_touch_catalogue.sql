-- The standard page shows the store's offers, and anonymous standard pages are cached until the
-- catalogue's version changes (0100). A price an Editor changes — a page-count band or one
-- standard's override — must show at once, so these tables bump the version too.
CREATE TRIGGER catalogue_touch_insert AFTER INSERT ON price_bands REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_update AFTER UPDATE ON price_bands REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_delete AFTER DELETE ON price_bands REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_insert AFTER INSERT ON price_overrides REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_update AFTER UPDATE ON price_overrides REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_delete AFTER DELETE ON price_overrides REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
