-- The UN Sustainable Development Goals a deliverable serves (numbers 1 to 17; the goals themselves
-- are data in Features/Catalogue/Sdgs/goals.json). One GIN index answers "standards serving goal n".
ALTER TABLE deliverables ADD COLUMN sdgs integer[] NOT NULL DEFAULT '{}';
ALTER TABLE deliverables ADD CONSTRAINT ck_deliverables_sdgs CHECK (sdgs <@ '{1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17}'::integer[]);
CREATE INDEX ix_deliverables_sdgs ON deliverables USING gin (sdgs);
