-- migc 0.1.0: generated from input/002_constraints.sql for profile v1.0-novector; do not edit
-- migc: source sha256 7e3728992c28238afe33221cb221a53110ca277f0a933439334c83e5680226b8
-- migc: profile v1.0-novector sha256 11a8fa96e66eb58cae4f3adc58468e28c1cc626c1464ef1dbab7a98d0080623f
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
    -- migc: elided constraint: function vector_dims needs extension vector, absent in v1.0-novector
);
INSERT INTO items (id, title) VALUES (1, 'a');
