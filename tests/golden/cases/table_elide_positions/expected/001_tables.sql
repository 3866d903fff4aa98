-- migc 0.1.0: generated from input/001_tables.sql for profile v1.0-novector; do not edit
-- migc: source sha256 7f3f91544562ecf5e8aec51ab54b7ccad7761c79647d33c312f498c027c0941f
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
CREATE SCHEMA IF NOT EXISTS extensions;
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
SET search_path = public, extensions;

-- first column is the vector
CREATE TABLE first_col (
    -- migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector
    id bigint PRIMARY KEY,
    name text NOT NULL
);

-- middle column, with comments around it
CREATE TABLE middle_col (
    id bigint PRIMARY KEY,
    /* the model output */
    -- migc: elided column embedding vector(384): type vector(384) needs extension vector, absent in v1.0-novector -- all-MiniLM-L6-v2
    -- trailing note about name
    name text
);

-- last column: the comma before it must go
CREATE TABLE last_col (
    id bigint PRIMARY KEY,
    name text
    -- migc: elided column embedding extensions.vector(1536): type extensions.vector(1536) needs extension vector, absent in v1.0-novector
);

CREATE TABLE one_line (id int, /* migc: elided column e vector(3): type vector(3) needs extension vector, absent in v1.0-novector */ label text);
CREATE TABLE one_line_last (id int, label text /* migc: elided column e halfvec(3): type halfvec(3) needs extension vector, absent in v1.0-novector */);
