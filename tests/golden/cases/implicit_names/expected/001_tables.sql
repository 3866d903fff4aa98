-- migc 0.1.0: generated from input/001_tables.sql for profile v1.0-novector; do not edit
-- migc: source sha256 69e32711bf4ef5b929f0607e12159823b06d2d18fcd4a862c4a9eca167a1c80b
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- objects PostgreSQL creates and names on its own
CREATE TABLE accounts (
    id serial PRIMARY KEY,
    email text UNIQUE,
    owner_id bigint GENERATED ALWAYS AS IDENTITY,
    age int CHECK (age > 0),
    CHECK (age < 200 AND email <> '')
);
CREATE TABLE posts (
    id bigserial,
    account_id int REFERENCES accounts (id),
    a int,
    b int,
    UNIQUE (a, b),
    PRIMARY KEY (id),
    EXCLUDE USING btree (a WITH =)
);
CREATE INDEX ON posts (a);
CREATE INDEX ON posts (a);
CREATE INDEX ON posts (a, a);
CREATE UNIQUE INDEX ON posts (b);
CREATE INDEX ON posts (lower(b::text));
CREATE TABLE a_table_name_that_is_long_enough_to_need_cutting_when_named (
    a_column_name_that_is_long_enough_too int UNIQUE
);
CREATE TABLE größentabelle_mit_einem_ziemlich_langen_namen_ääää (größe_mit_umlauten_äöü int UNIQUE);
