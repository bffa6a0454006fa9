-- A verification answer is held in each node's memory (VerificationCache) until the registry
-- changes. Every statement that writes what a verification shows (a certificate, its history or
-- audits, its organization, its certification body, an accreditation or an accreditation body)
-- sends one notification on the channel registry_changed; PostgreSQL delivers it when the
-- transaction commits, once per transaction, to every node listening (RegistryChangeListener).
-- Statement-level, so a bulk import of millions of rows sends one, not millions.
CREATE FUNCTION registry_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('registry_changed', '');
    RETURN NULL;
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['certificates', 'certificate_events', 'certificate_audits', 'certified_organizations',
                             'certification_bodies', 'accreditations', 'accreditation_bodies'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION registry_notify_change()',
                       t || '_notify', t);
    END LOOP;
END
$$;
