-- DIS, FDIS and systematic review ballots go to every member body of the "member body" category,
-- not only to the committee's members (ISO/IEC Directives, Part 1, 2.6.1 and 2.7.3). A body outside
-- the committee is on the ballot with no committee status; `votes` says whether it may vote (the
-- committee's O-members may only comment on an NP, for instance). Ballots opened before this
-- change let only their P-members vote, and so they keep.
ALTER TABLE ballot_members ALTER COLUMN status DROP NOT NULL;
ALTER TABLE ballot_members ADD COLUMN votes boolean NOT NULL DEFAULT false;
UPDATE ballot_members SET votes = (status = 'P');
ALTER TABLE ballot_members ALTER COLUMN votes DROP DEFAULT;
