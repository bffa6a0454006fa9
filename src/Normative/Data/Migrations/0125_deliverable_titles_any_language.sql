-- A deliverable published in one language only (French, say) has no English title: title_en may be
-- empty, titles in languages other than English and French live in other_titles ({"es": "…"}), and
-- every deliverable keeps at least one title. The search vector is rebuilt to read them all.
ALTER TABLE deliverables ALTER COLUMN title_en DROP NOT NULL;
ALTER TABLE deliverables ADD COLUMN other_titles jsonb NOT NULL DEFAULT '{}';
ALTER TABLE deliverables ADD CONSTRAINT ck_deliverables_some_title
    CHECK (title_en IS NOT NULL OR title_fr IS NOT NULL OR other_titles <> '{}'::jsonb);

ALTER TABLE deliverables DROP COLUMN search_vector;
ALTER TABLE deliverables ADD COLUMN search_vector tsvector NOT NULL GENERATED ALWAYS AS (
    setweight(to_tsvector('catalogue_en'::regconfig, translate(reference, '/:-.(),', '       ')), 'A')
    || setweight(to_tsvector('catalogue_en'::regconfig, coalesce(title_en, '')), 'B')
    || setweight(to_tsvector('catalogue_fr'::regconfig, coalesce(title_fr, '')), 'B')
    || setweight(jsonb_to_tsvector('catalogue_simple'::regconfig, other_titles, '["string"]'), 'B')
    || setweight(to_tsvector('catalogue_en'::regconfig, coalesce(scope_en, '')), 'C')
    || setweight(to_tsvector('catalogue_fr'::regconfig, coalesce(scope_fr, '')), 'D')) STORED;
CREATE INDEX ix_deliverables_search_vector ON deliverables USING gin (search_vector);
