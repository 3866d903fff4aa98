-- migc 0.1.0: generated from input/U1.1__embeddings.sql for profile v1.0-novector; do not edit
-- migc: source sha256 9b28d0a8615ffea0cc1dc5b6deb61f510bb555c20b3d8d6a62f70f713288384e
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
ALTER TABLE ${schema}.docs /* migc: elided DROP COLUMN embedding: column ${schema}.docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ DROP COLUMN source;
