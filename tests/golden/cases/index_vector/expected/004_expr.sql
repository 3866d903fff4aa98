-- migc 0.1.0: generated from input/004_expr.sql for profile v1.0-novector; do not edit
-- migc: source sha256 a4f5857ad1ec165d8d7c9362a5afa11c612d65d7fc7709d7683f31ba25051228
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
ALTER TABLE docs ADD COLUMN vals real[];
-- the column is plain; the access method and opclass need the extension
-- migc: elided index docs_vals_hnsw: operator class vector_l2_ops needs extension vector, absent in v1.0-novector
-- migc: elided index docs_vals_ivf: operator class vector_ip_ops needs extension vector, absent in v1.0-novector
CREATE INDEX docs_vals ON docs (vals);
-- migc: elided DROP index docs_vals_hnsw: index docs_vals_hnsw elided: operator class vector_l2_ops needs extension vector, absent in v1.0-novector
