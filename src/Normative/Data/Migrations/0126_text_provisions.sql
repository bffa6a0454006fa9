-- The provisions of each text (requirements, recommendations, permissions, possibilities), found
-- by the verbal forms of the ISO/IEC Directives, Part 2 when the text is imported: one row per
-- sentence, numbered within its clause, with an identifier that names the standard, its edition,
-- the language, the clause and the ordinal. A clause replaced or removed takes its provisions along.
CREATE TABLE standard_text_provisions (
    text_id integer NOT NULL,
    clause_ordinal integer NOT NULL,
    ordinal integer NOT NULL,
    kind character varying(20) NOT NULL,
    negative boolean NOT NULL,
    text text NOT NULL,
    identifier character varying(300) NOT NULL,
    CONSTRAINT pk_standard_text_provisions PRIMARY KEY (text_id, clause_ordinal, ordinal),
    CONSTRAINT fk_standard_text_provisions_clauses FOREIGN KEY (text_id, clause_ordinal)
        REFERENCES standard_text_clauses (text_id, ordinal) ON DELETE CASCADE
);
