-- Sector, standard and committee pages list the articles tagged with them, and anonymous
-- catalogue pages are cached until the catalogue's version changes (0100). An article an Editor
-- publishes, archives or re-tags must show there at once, so the articles table bumps the version.
-- (A scheduled article reaches those pages when the catalogue next changes, or on its own pages at once.)
CREATE TRIGGER catalogue_touch_insert AFTER INSERT ON articles REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_update AFTER UPDATE ON articles REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_delete AFTER DELETE ON articles REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
