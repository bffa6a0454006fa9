-- A member body's own administrators (the MemberBodyAdministrator role) register and remove its
-- delegates; an administrator names them on the body's page.
INSERT INTO roles (id, name, normalized_name, concurrency_stamp) VALUES
    ('member-body-administrator', 'MemberBodyAdministrator', 'MEMBERBODYADMINISTRATOR', 'seed');

CREATE TABLE member_body_administrators (
    member_body_id integer NOT NULL,
    user_id text NOT NULL,
    added_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_member_body_administrators PRIMARY KEY (member_body_id, user_id),
    CONSTRAINT fk_member_body_administrators_member_bodies_member_body_id FOREIGN KEY (member_body_id) REFERENCES member_bodies (id) ON DELETE CASCADE,
    CONSTRAINT fk_member_body_administrators_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_member_body_administrators_user_id ON member_body_administrators (user_id);
