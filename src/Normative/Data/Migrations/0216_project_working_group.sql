-- The working group that develops a project (a WG or JWG of the project's committee), if the
-- committee names one: the experts nominated on its NP ballot join that group when the NP is
-- approved; without one they join the committee itself.
ALTER TABLE projects ADD COLUMN working_group_id integer REFERENCES committees (id) ON DELETE RESTRICT;
CREATE INDEX ix_projects_working_group_id ON projects (working_group_id);
