CREATE SCHEMA IF NOT EXISTS extensions;
CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA extensions;
SET search_path = public, extensions;

-- first column is the vector
CREATE TABLE first_col (
    embedding vector(3),
    id bigint PRIMARY KEY,
    name text NOT NULL
);

-- middle column, with comments around it
CREATE TABLE middle_col (
    id bigint PRIMARY KEY,
    /* the model output */
    embedding vector(384) NOT NULL, -- all-MiniLM-L6-v2
    -- trailing note about name
    name text
);

-- last column: the comma before it must go
CREATE TABLE last_col (
    id bigint PRIMARY KEY,
    name text,
    embedding extensions.vector(1536)
);

CREATE TABLE one_line (id int, e vector(3), label text);
CREATE TABLE one_line_last (id int, label text, e halfvec(3));
