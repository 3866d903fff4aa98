-- migc 0.1.0: generated from input/002_constraints.sql for profile v1.0-novector; do not edit
-- migc: source sha256 7e3728992c28238afe33221cb221a53110ca277f0a933439334c83e5680226b8
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
SET search_path = public, extensions;
CREATE TABLE items (
    id bigint PRIMARY KEY,
    title text NOT NULL,
    -- migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector
    -- migc: elided constraint items_embedding_present: column items.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
    CONSTRAINT items_title_unique UNIQUE (title)
    -- migc: elided constraint items_embedding_unique: column items.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
);

CREATE TABLE only_vec_constraint_last (
    id bigint
    -- migc: elided column v vector(2): type vector(2) needs extension vector, absent in v1.0-novector
    -- migc: elided constraint: column only_vec_constraint_last.v elided: type vector(2) needs extension vector, absent in v1.0-novector
);
INSERT INTO items (id, title) VALUES (1, 'a');
