-- The images of the texts (figures, inline graphics), loaded from an STS package (a .zip of the
-- XML and its graphics, or the files beside the XML): PNG, JPEG, GIF or SVG, read from the content.
-- Addressed by their SHA-256 (the reader's <img src>), so they are cached for good; a text
-- replaced or removed takes its images along.
CREATE TABLE standard_text_graphics (
    text_id integer NOT NULL,
    name character varying(300) NOT NULL,
    content_type character varying(40) NOT NULL,
    size integer NOT NULL,
    sha256 character varying(64) NOT NULL,
    preview boolean NOT NULL,
    data bytea NOT NULL,
    CONSTRAINT pk_standard_text_graphics PRIMARY KEY (text_id, name),
    CONSTRAINT fk_standard_text_graphics_texts FOREIGN KEY (text_id) REFERENCES standard_texts (id) ON DELETE CASCADE
);
CREATE INDEX ix_standard_text_graphics_sha256 ON standard_text_graphics (sha256);
