-- One address per committee: /committees/{slug}, the reference in lower case with every run of
-- other characters turned into '-' (ISO/TC 176/SC 2 -> iso-tc-176-sc-2). The slug is stored so it
-- stays the same if the reference is ever corrected, and unique: a clash (or a slug of digits alone,
-- which would read as an old numeric address) takes the committee's id as a suffix. Every way a
-- committee is inserted (pages, API, open-data import, demo) gets its slug from the trigger.

CREATE FUNCTION committee_slug(reference text, id integer) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN s = '' OR s ~ '^[0-9]+$' THEN 'committee-' || id
        ELSE s
    END
    FROM (SELECT trim(both '-' from regexp_replace(lower(reference), '[^a-z0-9]+', '-', 'g')) AS s) AS t
$$;

ALTER TABLE committees ADD COLUMN slug character varying(120);

UPDATE committees SET slug = committee_slug(reference, id);
UPDATE committees AS c SET slug = c.slug || '-' || c.id
FROM (SELECT id, row_number() OVER (PARTITION BY slug ORDER BY id) AS n FROM committees) AS d
WHERE d.id = c.id AND d.n > 1;

ALTER TABLE committees ALTER COLUMN slug SET NOT NULL;
CREATE UNIQUE INDEX ix_committees_slug ON committees (slug);

CREATE FUNCTION committees_fill_slug() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.slug IS NULL THEN
        NEW.slug := committee_slug(NEW.reference, NEW.id);
        IF EXISTS (SELECT 1 FROM committees WHERE slug = NEW.slug AND id <> NEW.id) THEN
            NEW.slug := NEW.slug || '-' || NEW.id;
        END IF;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER committees_fill_slug BEFORE INSERT ON committees
FOR EACH ROW EXECUTE FUNCTION committees_fill_slug();
