-- News and events pages are output-cached under the catalogue's version like the catalogue's
-- pages (0100, 0502). A new text of an article in one language, or any change to an event, must
-- retire them at once, so these tables bump the version too.
CREATE TRIGGER catalogue_touch_insert AFTER INSERT ON article_versions REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_update AFTER UPDATE ON article_versions REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_delete AFTER DELETE ON article_versions REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_insert AFTER INSERT ON events REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_update AFTER UPDATE ON events REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_delete AFTER DELETE ON events REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
