-- migc 0.1.0: generated from input/1_t.sql for profile v1.0-novector; do not edit
-- migc: source sha256 290b4829a5954a5b76386179b5e4b999a5964ab29b267c3d4916ef7bcfdc517a
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migrate:up transaction:false
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE TABLE t (id int /* migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector */);
  -- migrate:down (indented: dbmate reads it as a comment of the Up section)
-- +goose Down
CREATE INDEX CONCURRENTLY t_id ON t (id);

-- migrate:down
DROP TABLE t;
