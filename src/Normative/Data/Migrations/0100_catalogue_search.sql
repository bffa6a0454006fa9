-- The catalogue's search engine, browse data and cache version (PostgreSQL only: a weighted
-- tsvector with unaccent, pg_trgm for typo tolerance), plus what Editors curate: top standards
-- and the sectors' mapping to ICS fields and committees.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- Text search configurations that fold accents before stemming, so "qualite" finds "qualité".
CREATE TEXT SEARCH CONFIGURATION catalogue_en (COPY = english);
ALTER TEXT SEARCH CONFIGURATION catalogue_en ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
CREATE TEXT SEARCH CONFIGURATION catalogue_fr (COPY = french);
ALTER TEXT SEARCH CONFIGURATION catalogue_fr ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
CREATE TEXT SEARCH CONFIGURATION catalogue_simple (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION catalogue_simple ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

-- Every ICS code a deliverable belongs to, with its group and field ("03.120.10" gives "03",
-- "03.120" and "03.120.10"), so one GIN index answers browsing at any level. PL/pgSQL because a
-- SQL function here is set up again for every row a bulk import writes.
CREATE FUNCTION catalogue_ics_paths(codes text[]) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    paths text[] := '{}';
    code text;
BEGIN
    FOREACH code IN ARRAY codes LOOP
        IF length(code) >= 2 AND NOT left(code, 2) = ANY (paths) THEN
            paths := paths || left(code, 2);
        END IF;
        IF length(code) >= 6 AND NOT left(code, 6) = ANY (paths) THEN
            paths := paths || left(code, 6);
        END IF;
        IF length(code) > 6 AND NOT code = ANY (paths) THEN
            paths := paths || code;
        END IF;
    END LOOP;
    RETURN paths;
END
$$;

-- Keys derived from the reference by the identifier parser (kept in step by the application),
-- and the status, ICS paths and search vector derived by PostgreSQL itself.
ALTER TABLE deliverables
    ADD COLUMN base_key character varying(200),
    ADD COLUMN supplement_of character varying(200),
    ADD COLUMN doc_number integer,
    ADD COLUMN doc_part character varying(40),
    ADD COLUMN sort_key character varying(200) NOT NULL DEFAULT '',
    ADD COLUMN status character varying(20) NOT NULL GENERATED ALWAYS AS (
        CASE
            WHEN current_stage = 9599 THEN 'Withdrawn'
            WHEN current_stage >= 6060 THEN 'Published'
            WHEN current_stage % 100 = 98 THEN 'Deleted'
            ELSE 'UnderDevelopment'
        END) STORED,
    ADD COLUMN ics_paths text[] NOT NULL GENERATED ALWAYS AS (catalogue_ics_paths(ics_codes)) STORED,
    ADD COLUMN search_vector tsvector NOT NULL GENERATED ALWAYS AS (
        setweight(to_tsvector('catalogue_en'::regconfig, translate(reference, '/:-.(),', '       ')), 'A')
        || setweight(to_tsvector('catalogue_en'::regconfig, title_en), 'B')
        || setweight(to_tsvector('catalogue_fr'::regconfig, coalesce(title_fr, '')), 'B')
        || setweight(to_tsvector('catalogue_en'::regconfig, coalesce(scope_en, '')), 'C')
        || setweight(to_tsvector('catalogue_fr'::regconfig, coalesce(scope_fr, '')), 'D')) STORED;

CREATE INDEX ix_deliverables_search_vector ON deliverables USING gin (search_vector);
CREATE INDEX ix_deliverables_ics_paths ON deliverables USING gin (ics_paths);
CREATE INDEX ix_deliverables_base_key ON deliverables (base_key);
CREATE INDEX ix_deliverables_supplement_of ON deliverables (supplement_of);
CREATE INDEX ix_deliverables_doc_number ON deliverables (doc_number, doc_part);
-- Prefix matching on numbers ("900" finds 9000, 9001, 9004 …).
CREATE INDEX ix_deliverables_doc_number_text ON deliverables ((doc_number::text) text_pattern_ops);
CREATE INDEX ix_deliverables_publication_date ON deliverables (publication_date DESC NULLS LAST) WHERE status = 'Published';
-- One index on the committee answers both "= 'ISO/TC 176'" and "LIKE 'ISO/TC 176/%'" (its
-- subcommittees); the plain one of 0004 goes, since every index slows the bulk import down.
DROP INDEX ix_deliverables_owner_committee;
CREATE INDEX ix_deliverables_owner_committee ON deliverables (owner_committee varchar_pattern_ops);

-- French ICS titles, when the imported file has them.
ALTER TABLE ics_codes ADD COLUMN title_fr text;

-- Committees created here (from a deliverable's reference, or by hand) get ids above ISO's, whose
-- open-data ids already pass ten million; when ISO's committees file names one of them, it takes
-- ISO's id and its subcommittees follow.
ALTER TABLE committees ALTER COLUMN id RESTART WITH 100000000;
ALTER TABLE committees DROP CONSTRAINT fk_committees_committees_parent_id;
ALTER TABLE committees ADD CONSTRAINT fk_committees_committees_parent_id
    FOREIGN KEY (parent_id) REFERENCES committees (id) ON UPDATE CASCADE ON DELETE RESTRICT;

-- The vocabulary of titles, for typo tolerance: a query word that is not here is replaced by the
-- most similar word that is (trigram similarity).
CREATE TABLE catalogue_words (
    word text NOT NULL,
    document_count integer NOT NULL,
    CONSTRAINT pk_catalogue_words PRIMARY KEY (word)
);
CREATE INDEX ix_catalogue_words_trigram ON catalogue_words USING gin (word gin_trgm_ops);
CREATE INDEX ix_catalogue_words_prefix ON catalogue_words (word text_pattern_ops);

-- Standards the Editors put forward on the home page, in their order.
CREATE TABLE top_standards (
    deliverable_id integer NOT NULL,
    position integer NOT NULL,
    added_at timestamp with time zone NOT NULL,
    added_by character varying(256),
    CONSTRAINT pk_top_standards PRIMARY KEY (deliverable_id),
    CONSTRAINT fk_top_standards_deliverables_deliverable_id FOREIGN KEY (deliverable_id) REFERENCES deliverables (id) ON DELETE CASCADE
);

-- The home page's sectors (slugs of Features/Site/Sector.cs) mapped to ICS codes and committees.
CREATE TABLE sector_mappings (
    slug character varying(40) NOT NULL,
    ics_codes text[] NOT NULL,
    committees text[] NOT NULL,
    updated_at timestamp with time zone,
    updated_by character varying(256),
    CONSTRAINT pk_sector_mappings PRIMARY KEY (slug)
);
INSERT INTO sector_mappings (slug, ics_codes, committees) VALUES
    ('health', '{11}', '{ISO/TC 210,ISO/TC 215,ISO/TC 212,ISO/TC 194,ISO/TC 304}'),
    ('it', '{35}', '{ISO/IEC JTC 1}'),
    ('transport', '{03.220,43,45,47,49}', '{ISO/TC 22,ISO/TC 204,ISO/TC 8,ISO/TC 20,ISO/TC 269}'),
    ('environment', '{13.020,13.030,13.040,13.060,13.080}', '{ISO/TC 207,ISO/TC 146,ISO/TC 147,ISO/TC 190,ISO/TC 322}'),
    ('management', '{03.100,03.120}', '{ISO/TC 176,ISO/TC 309,ISO/TC 262,ISO/TC 260,ISO/CASCO}'),
    ('security', '{13.100,13.110,13.200,13.220,13.310,35.030}', '{ISO/TC 292,ISO/TC 262,ISO/IEC JTC 1/SC 27,ISO/TC 283}'),
    ('food', '{65,67}', '{ISO/TC 34,ISO/TC 234}'),
    ('building', '{91,93}', '{ISO/TC 59,ISO/TC 71,ISO/TC 92,ISO/TC 163}'),
    ('energy', '{27,75}', '{ISO/TC 301,ISO/TC 180,ISO/TC 28,ISO/TC 197}'),
    ('engineering', '{17,21,23,25}', '{ISO/TC 10,ISO/TC 39,ISO/TC 213,ISO/TC 299,ISO/TC 261}'),
    ('materials', '{59,77,79,81,83,85,87}', '{ISO/TC 17,ISO/TC 61,ISO/TC 45,ISO/TC 229}'),
    ('diversity', '{03.100.30,11.180}', '{ISO/TC 260,ISO/TC 173,ISO/TC 159}');

-- One number that changes whenever anything shown in the catalogue changes, whoever changes it
-- (an import, an Editor, another feature). Cached pages and ETags are keyed by it.
CREATE TABLE catalogue_state (
    id integer NOT NULL,
    version bigint NOT NULL,
    changed_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_catalogue_state PRIMARY KEY (id),
    CONSTRAINT ck_catalogue_state_single_row CHECK (id = 1)
);
INSERT INTO catalogue_state (id, version, changed_at) VALUES (1, 1, now());

-- Bumps the version when a statement really changed rows (an idempotent re-import changes none).
CREATE FUNCTION catalogue_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM changed) THEN
        UPDATE catalogue_state SET version = version + 1, changed_at = now() WHERE id = 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER catalogue_touch_insert AFTER INSERT ON deliverables REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_update AFTER UPDATE ON deliverables REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_delete AFTER DELETE ON deliverables REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_insert AFTER INSERT ON committees REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_update AFTER UPDATE ON committees REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_delete AFTER DELETE ON committees REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_insert AFTER INSERT ON ics_codes REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_update AFTER UPDATE ON ics_codes REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_delete AFTER DELETE ON ics_codes REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_insert AFTER INSERT ON top_standards REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_update AFTER UPDATE ON top_standards REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_delete AFTER DELETE ON top_standards REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_insert AFTER INSERT ON sector_mappings REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_update AFTER UPDATE ON sector_mappings REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
CREATE TRIGGER catalogue_touch_delete AFTER DELETE ON sector_mappings REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalogue_touch();
