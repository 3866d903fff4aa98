-- migc 0.1.0: generated from input/U1.1__embeddings.sql for profile v1.0-novector; do not edit
-- migc: source sha256 9b28d0a8615ffea0cc1dc5b6deb61f510bb555c20b3d8d6a62f70f713288384e
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
ALTER TABLE ${schema}.docs /* migc: elided DROP COLUMN embedding: column ${schema}.docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ DROP COLUMN source;
