-- An Editor's newsletter is queued by a confirmation form that carries a key of its own: a double
-- click or a second POST of the same form finds the mailing the first one made instead of queuing
-- the newsletter twice. Digests and the command line leave it empty.
ALTER TABLE mailings ADD COLUMN send_key uuid;
CREATE UNIQUE INDEX ix_mailings_send_key ON mailings (send_key);
