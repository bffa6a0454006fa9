-- Deliverables Editors create here (a national standard, a Guide) get ids from this sequence, far
-- above the open-data ids ISO gives its own (six digits today), so an ISO file imported later
-- never meets one of ours.
CREATE SEQUENCE deliverable_local_ids START WITH 100000001;
