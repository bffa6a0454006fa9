-- The catalogue's base: ICS codes and deliverables in the shape of ISO's open data.

CREATE TABLE ics_codes (
    code character varying(12) NOT NULL,
    parent character varying(12),
    title text NOT NULL,
    notes text[] NOT NULL,
    CONSTRAINT pk_ics_codes PRIMARY KEY (code)
);
CREATE INDEX ix_ics_codes_parent ON ics_codes (parent);

CREATE TABLE deliverables (
    id integer NOT NULL,
    deliverable_type character varying(20) NOT NULL,
    supplement_type character varying(20),
    reference character varying(200) NOT NULL,
    title_en text NOT NULL,
    title_fr text,
    publication_date date,
    edition integer,
    ics_codes text[] NOT NULL,
    owner_committee character varying(100),
    current_stage integer NOT NULL,
    replaces integer[] NOT NULL,
    replaced_by integer[] NOT NULL,
    languages text[] NOT NULL,
    pages_en integer,
    pages_fr integer,
    scope_en text,
    scope_fr text,
    CONSTRAINT pk_deliverables PRIMARY KEY (id)
);
CREATE INDEX ix_deliverables_owner_committee ON deliverables (owner_committee);
CREATE INDEX ix_deliverables_reference ON deliverables (reference);
