-- migc 0.1.0: generated from input/003_change.sql for profile v1.0-novector; do not edit
-- migc: source sha256 f6077610f160d9327f0de451377404fdbc5a7b9ac4f18edb91de527d97002cc8
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- dimension change and not null on elided columns, mixed with plain ones
ALTER TABLE docs /* migc: elided ALTER COLUMN embedding TYPE vector(768): column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ ALTER COLUMN a SET DEFAULT 0;
-- migc: elided ALTER TABLE docs ALTER COLUMN embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
ALTER TABLE docs
    ALTER COLUMN title SET NOT NULL
    -- migc: elided ALTER COLUMN summary_embedding TYPE vector(768): column docs.summary_embedding elided: type vector(384) needs extension vector, absent in v1.0-novector
    /* migc: elided ALTER COLUMN summary_embedding: column docs.summary_embedding elided: type vector(384) needs extension vector, absent in v1.0-novector */;
ALTER TABLE docs /* migc: elided DROP COLUMN e2: column docs.e2 elided: type vector(3) needs extension vector, absent in v1.0-novector */ DROP COLUMN c;
-- migc: elided ALTER TABLE docs DROP COLUMN e3: column docs.e3 elided: type halfvec(3) needs extension vector, absent in v1.0-novector
-- migc: elided ALTER TABLE only_vec DROP COLUMN e: column only_vec.e elided: type vector(3) needs extension vector, absent in v1.0-novector
