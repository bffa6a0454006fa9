-- A liaison's representatives comment on the committee's ballots (Directives, Part 1, 1.17): such a
-- comment is from no member body, and keeps the liaison's name as it was when the comment was made.
ALTER TABLE ballot_comments ADD COLUMN liaison character varying(200);
