-- The certification statistics (the ISO Survey's counts) read two small summary tables instead of
-- the whole certificates table: over three million certificates a full count took 21 s. Triggers
-- keep the tallies exact. They are statement-level with transition tables, so an import of
-- millions of rows pays one GROUP BY per statement, not a trigger call per row.

-- Active certificates per certification body, standard and country of the organization; a
-- certificate with several standards counts once under each. Which of them are valid on a given
-- day (issued, not yet expired, under an accreditation) the statistics work out from the
-- accreditations, which are few, and from the few Active certificates outside their dates.
CREATE TABLE active_certificate_tallies (
    certification_body_id integer NOT NULL,
    standard text NOT NULL,
    country character varying(2) NOT NULL,
    certificates bigint NOT NULL,
    CONSTRAINT pk_active_certificate_tallies PRIMARY KEY (certification_body_id, standard, country)
);

-- Every certificate (any status) per standard, by the year of its initial issue and the year its
-- validity ended or will end: the year series counts a certificate on each 31 December between.
CREATE TABLE certificate_span_tallies (
    standard text NOT NULL,
    first_year integer NOT NULL,
    end_year integer NOT NULL,
    certificates bigint NOT NULL,
    CONSTRAINT pk_certificate_span_tallies PRIMARY KEY (standard, first_year, end_year)
);

-- When a certificate stopped counting: at its expiry, or at its withdrawal, cancellation or
-- suspension when that came first. The day of a status change is taken in UTC, whatever the
-- session's time zone, so that the writer and a later reader agree.
CREATE FUNCTION certificate_span_end(status text, issue_date date, expiry_date date, status_changed_at timestamp with time zone) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CASE WHEN status IN ('Withdrawn', 'Cancelled', 'Suspended')
                      THEN least(expiry_date, coalesce((status_changed_at AT TIME ZONE 'UTC')::date, issue_date))
                      ELSE expiry_date END $$;

-- The triggers on certificates: the rows a statement added count +1, the rows it removed -1, the
-- old and new versions of updated rows both (most updates cancel out and write nothing). The
-- upserts go in key order so that two writers lock shared tally rows in the same order.
CREATE FUNCTION certificate_tallies_insert() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO active_certificate_tallies AS t (certification_body_id, standard, country, certificates)
    SELECT n.certification_body_id, s.standard, o.country, count(*)
    FROM added n CROSS JOIN LATERAL unnest(n.standards) AS s(standard)
    JOIN certified_organizations o ON o.id = n.organization_id
    WHERE n.status = 'Active'
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (certification_body_id, standard, country) DO UPDATE SET certificates = t.certificates + excluded.certificates;

    INSERT INTO certificate_span_tallies AS t (standard, first_year, end_year, certificates)
    SELECT s.standard, extract(year FROM n.initial_issue_date)::int,
           extract(year FROM certificate_span_end(n.status, n.issue_date, n.expiry_date, n.status_changed_at))::int, count(*)
    FROM added n CROSS JOIN LATERAL unnest(n.standards) AS s(standard)
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (standard, first_year, end_year) DO UPDATE SET certificates = t.certificates + excluded.certificates;
    RETURN NULL;
END $$;

CREATE FUNCTION certificate_tallies_update() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO active_certificate_tallies AS t (certification_body_id, standard, country, certificates)
    SELECT x.certification_body_id, s.standard, o.country, sum(x.sign)
    FROM (SELECT certification_body_id, organization_id, standards, 1 AS sign FROM changed WHERE status = 'Active'
          UNION ALL
          SELECT certification_body_id, organization_id, standards, -1 FROM was WHERE status = 'Active') x
    CROSS JOIN LATERAL unnest(x.standards) AS s(standard)
    JOIN certified_organizations o ON o.id = x.organization_id
    GROUP BY 1, 2, 3 HAVING sum(x.sign) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (certification_body_id, standard, country) DO UPDATE SET certificates = t.certificates + excluded.certificates;

    INSERT INTO certificate_span_tallies AS t (standard, first_year, end_year, certificates)
    SELECT s.standard, x.first_year, x.end_year, sum(x.sign)
    FROM (SELECT standards, extract(year FROM initial_issue_date)::int AS first_year,
                 extract(year FROM certificate_span_end(status, issue_date, expiry_date, status_changed_at))::int AS end_year, 1 AS sign FROM changed
          UNION ALL
          SELECT standards, extract(year FROM initial_issue_date)::int,
                 extract(year FROM certificate_span_end(status, issue_date, expiry_date, status_changed_at))::int, -1 FROM was) x
    CROSS JOIN LATERAL unnest(x.standards) AS s(standard)
    GROUP BY 1, 2, 3 HAVING sum(x.sign) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (standard, first_year, end_year) DO UPDATE SET certificates = t.certificates + excluded.certificates;
    RETURN NULL;
END $$;

CREATE FUNCTION certificate_tallies_delete() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO active_certificate_tallies AS t (certification_body_id, standard, country, certificates)
    SELECT r.certification_body_id, s.standard, o.country, -count(*)
    FROM removed r CROSS JOIN LATERAL unnest(r.standards) AS s(standard)
    JOIN certified_organizations o ON o.id = r.organization_id
    WHERE r.status = 'Active'
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (certification_body_id, standard, country) DO UPDATE SET certificates = t.certificates + excluded.certificates;

    INSERT INTO certificate_span_tallies AS t (standard, first_year, end_year, certificates)
    SELECT s.standard, extract(year FROM r.initial_issue_date)::int,
           extract(year FROM certificate_span_end(r.status, r.issue_date, r.expiry_date, r.status_changed_at))::int, -count(*)
    FROM removed r CROSS JOIN LATERAL unnest(r.standards) AS s(standard)
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (standard, first_year, end_year) DO UPDATE SET certificates = t.certificates + excluded.certificates;
    RETURN NULL;
END $$;

CREATE FUNCTION certificate_tallies_truncate() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    DELETE FROM active_certificate_tallies;
    DELETE FROM certificate_span_tallies;
    RETURN NULL;
END $$;

CREATE TRIGGER certificate_tallies_insert AFTER INSERT ON certificates
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION certificate_tallies_insert();
CREATE TRIGGER certificate_tallies_update AFTER UPDATE ON certificates
    REFERENCING OLD TABLE AS was NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION certificate_tallies_update();
CREATE TRIGGER certificate_tallies_delete AFTER DELETE ON certificates
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION certificate_tallies_delete();
CREATE TRIGGER certificate_tallies_truncate AFTER TRUNCATE ON certificates
    FOR EACH STATEMENT EXECUTE FUNCTION certificate_tallies_truncate();

-- The importer never changes an organization's country (it is part of the organization's key), but
-- should anything else do so, its Active certificates move to the new country's tallies. Row-level
-- and guarded by WHEN: the importer's address updates do not pay for it.
CREATE FUNCTION certificate_tallies_move_country() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO active_certificate_tallies AS t (certification_body_id, standard, country, certificates)
    SELECT c.certification_body_id, s.standard, x.country, sum(x.sign)
    FROM certificates c CROSS JOIN LATERAL unnest(c.standards) AS s(standard)
    CROSS JOIN (VALUES (NEW.country, 1), (OLD.country, -1)) AS x(country, sign)
    WHERE c.organization_id = NEW.id AND c.status = 'Active'
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (certification_body_id, standard, country) DO UPDATE SET certificates = t.certificates + excluded.certificates;
    RETURN NULL;
END $$;

CREATE TRIGGER certificate_tallies_move_country AFTER UPDATE OF country ON certified_organizations
    FOR EACH ROW WHEN (OLD.country IS DISTINCT FROM NEW.country) EXECUTE FUNCTION certificate_tallies_move_country();

-- The tallies of the certificates already registered.
INSERT INTO active_certificate_tallies (certification_body_id, standard, country, certificates)
SELECT c.certification_body_id, s.standard, o.country, count(*)
FROM certificates c CROSS JOIN LATERAL unnest(c.standards) AS s(standard)
JOIN certified_organizations o ON o.id = c.organization_id
WHERE c.status = 'Active'
GROUP BY 1, 2, 3;

INSERT INTO certificate_span_tallies (standard, first_year, end_year, certificates)
SELECT s.standard, extract(year FROM c.initial_issue_date)::int,
       extract(year FROM certificate_span_end(c.status, c.issue_date, c.expiry_date, c.status_changed_at))::int, count(*)
FROM certificates c CROSS JOIN LATERAL unnest(c.standards) AS s(standard)
GROUP BY 1, 2, 3;

-- The corrections the statistics subtract from the tallies: Active certificates not yet issued on
-- the day asked about, beside the expiry index (0300) for those whose expiry date has passed.
CREATE INDEX ix_certificates_issue_date_active ON certificates (issue_date) WHERE status = 'Active';
