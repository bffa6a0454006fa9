-- Sign-in sessions kept on the server: the session cookie carries only a random key, so signing
-- out ends the session everywhere (a copied cookie no longer signs anyone in) and every node of a
-- cluster sees the same sessions.

CREATE TABLE sign_in_sessions (
    key character varying(64) NOT NULL,
    user_id text NOT NULL,
    ticket bytea NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_sign_in_sessions PRIMARY KEY (key),
    CONSTRAINT fk_sign_in_sessions_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_sign_in_sessions_user_id ON sign_in_sessions (user_id);
CREATE INDEX ix_sign_in_sessions_expires_at ON sign_in_sessions (expires_at);
