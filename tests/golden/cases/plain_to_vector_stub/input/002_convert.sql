-- real[] was a stopgap; make it a real vector now
CREATE EXTENSION IF NOT EXISTS vector;
ALTER TABLE docs ALTER COLUMN features TYPE vector(3);
