-- dimension change and not null on elided columns, mixed with plain ones
ALTER TABLE docs ALTER COLUMN embedding TYPE vector(768), ALTER COLUMN a SET DEFAULT 0;
ALTER TABLE docs ALTER COLUMN embedding SET NOT NULL;
ALTER TABLE docs
    ALTER COLUMN title SET NOT NULL,
    ALTER COLUMN summary_embedding TYPE vector(768) USING NULL,
    ALTER COLUMN summary_embedding DROP NOT NULL;
ALTER TABLE docs DROP COLUMN e2, DROP COLUMN c;
ALTER TABLE docs DROP COLUMN IF EXISTS e3;
ALTER TABLE only_vec DROP COLUMN e;
