-- The "structure" page counts member bodies, memberships and projects under development, and is
-- cached under the catalogue's version like every institutional page (0513). Committees and
-- deliverables already bump it (0100); these tables do too, so the numbers are never stale.
CREATE TRIGGER catalogue_touch_insert AFTER INSERT ON member_bodies REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_update AFTER UPDATE ON member_bodies REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_delete AFTER DELETE ON member_bodies REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_insert AFTER INSERT ON committee_memberships REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_update AFTER UPDATE ON committee_memberships REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_delete AFTER DELETE ON committee_memberships REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_insert AFTER INSERT ON projects REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_update AFTER UPDATE ON projects REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_delete AFTER DELETE ON projects REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
