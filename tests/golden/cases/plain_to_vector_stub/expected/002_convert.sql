-- migc 0.1.0: generated from input/002_convert.sql for profile test-stub; do not edit
-- migc: source sha256 a23948ef03f3656316569dc7a20af7557670bfc56bef5b0630857cdaed4f373b
-- migc: profile test-stub sha256 9773f9a8e1de5774f0d749d06a0e21fa0e883d6121aaa727c7b3a28fef23b66f
-- real[] was a stopgap; make it a real vector now
-- migc: elided CREATE EXTENSION vector: extension vector is absent in test-stub
ALTER TABLE docs ALTER COLUMN features TYPE real[];
