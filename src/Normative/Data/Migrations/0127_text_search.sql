-- The catalogue's search finds standards by the words of their full texts: each clause gets a
-- weighted search vector (its title A, its text D), stemmed both as English and as French since a
-- query is read both ways, with accents folded as the catalogue's own vector does.
ALTER TABLE standard_text_clauses ADD COLUMN search_vector tsvector NOT NULL GENERATED ALWAYS AS (
    setweight(to_tsvector('catalogue_en'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('catalogue_fr'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('catalogue_en'::regconfig, plain_text), 'D')
    || setweight(to_tsvector('catalogue_fr'::regconfig, plain_text), 'D')) STORED;
CREATE INDEX ix_standard_text_clauses_search_vector ON standard_text_clauses USING gin (search_vector);
