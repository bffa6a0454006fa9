-- pg_restore runs with an empty search_path, and registry_words named registry_fold without its
-- schema, so restoring a backup failed on the generated columns that use it. Same body, with the
-- function's schema written out.
CREATE OR REPLACE FUNCTION registry_words(text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT coalesce(array_agg(DISTINCT w ORDER BY w), '{}')
          FROM regexp_split_to_table(public.registry_fold($1), '[^[:alnum:]]+') AS w WHERE length(w) >= 2 $$;
