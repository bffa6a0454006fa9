-- An article's lead image: two renditions (wide for the article, narrow for lists) kept in the file
-- store, the size of the wide one for the page's width/height attributes, and the words that
-- describe it to people who cannot see it, per language.
ALTER TABLE articles
    ADD COLUMN image_file_id uuid,
    ADD COLUMN image_small_file_id uuid,
    ADD COLUMN image_width integer,
    ADD COLUMN image_height integer,
    ADD CONSTRAINT fk_articles_stored_files_image_file_id FOREIGN KEY (image_file_id) REFERENCES stored_files (id) ON DELETE SET NULL,
    ADD CONSTRAINT fk_articles_stored_files_image_small_file_id FOREIGN KEY (image_small_file_id) REFERENCES stored_files (id) ON DELETE SET NULL;
CREATE INDEX ix_articles_image_file_id ON articles (image_file_id);
CREATE INDEX ix_articles_image_small_file_id ON articles (image_small_file_id);

ALTER TABLE article_versions ADD COLUMN image_alt character varying(300);
