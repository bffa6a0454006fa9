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

CREATE TRIGGER certificates_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON certificates
    FOR EACH STATEMENT EXECUTE FUNCTION registry_notify_change();
CREATE TRIGGER certificate_events_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON certificate_events
    FOR EACH STATEMENT EXECUTE FUNCTION registry_notify_change();
CREATE TRIGGER certificate_audits_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON certificate_audits
    FOR EACH STATEMENT EXECUTE FUNCTION registry_notify_change();
CREATE TRIGGER certified_organizations_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON certified_organizations
    FOR EACH STATEMENT EXECUTE FUNCTION registry_notify_change();
CREATE TRIGGER certification_bodies_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON certification_bodies
    FOR EACH STATEMENT EXECUTE FUNCTION registry_notify_change();
CREATE TRIGGER accreditations_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON accreditations
    FOR EACH STATEMENT EXECUTE FUNCTION registry_notify_change();
CREATE TRIGGER accreditation_bodies_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON accreditation_bodies
    FOR EACH STATEMENT EXECUTE FUNCTION registry_notify_change();
