-- A master file arriving for one standard (or taken away) changes what its pages offer, not what
-- every page shows: since 0121 a raise of the catalogue's version says what it touched, but
-- 0402's row trigger on source_files still raised it with no row in catalogue_changes, so each
-- upload dropped every cached page on every node. It now records the file's deliverable, as a
-- price of its own does. (Row by row, as before: a transition table would copy each PDF.)
CREATE OR REPLACE FUNCTION catalogue_touch_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    raised bigint;
BEGIN
    raised := catalogue_raise();
    INSERT INTO catalogue_changes (version, deliverable_id)
    VALUES (raised, CASE WHEN TG_OP = 'DELETE' THEN OLD.deliverable_id ELSE NEW.deliverable_id END);
    RETURN NULL;
END
$$;
