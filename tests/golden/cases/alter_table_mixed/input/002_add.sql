ALTER TABLE docs ADD COLUMN a int, ADD COLUMN embedding vector(3), ADD COLUMN b text;
ALTER TABLE docs ADD COLUMN e2 vector(3), ADD COLUMN c int;
ALTER TABLE docs ADD COLUMN d int, ADD COLUMN e3 halfvec(3);
ALTER TABLE docs
    ADD COLUMN summary text,
    -- the summary's embedding
    ADD COLUMN summary_embedding vector(384),
    ADD COLUMN score real;
ALTER TABLE docs ADD COLUMN IF NOT EXISTS only_one vector(3);
