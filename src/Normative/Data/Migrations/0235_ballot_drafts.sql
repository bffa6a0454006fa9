-- The draft a ballot is about (a CD consultation's committee draft, a DIS, an FDIS, the text a
-- systematic review looks at): once a ballot names it, the draft is never replaced.
ALTER TABLE ballots ADD COLUMN document_id integer REFERENCES committee_documents (id) ON DELETE RESTRICT;
CREATE INDEX ix_ballots_document_id ON ballots (document_id);

-- The documents closing the ballot filed in the committee's register: the result (PDF) and the
-- compiled comments (.docx and CSV).
ALTER TABLE ballots ADD COLUMN result_document_id integer REFERENCES committee_documents (id) ON DELETE SET NULL;
ALTER TABLE ballots ADD COLUMN comments_document_id integer REFERENCES committee_documents (id) ON DELETE SET NULL;
ALTER TABLE ballots ADD COLUMN comments_csv_document_id integer REFERENCES committee_documents (id) ON DELETE SET NULL;
CREATE INDEX ix_ballots_result_document_id ON ballots (result_document_id);
CREATE INDEX ix_ballots_comments_document_id ON ballots (comments_document_id);
CREATE INDEX ix_ballots_comments_csv_document_id ON ballots (comments_csv_document_id);

-- The draft a project entered 30.00, 40.00 or 50.00 with.
ALTER TABLE project_stage_events ADD COLUMN document_id integer REFERENCES committee_documents (id) ON DELETE SET NULL;
CREATE INDEX ix_project_stage_events_document_id ON project_stage_events (document_id);
