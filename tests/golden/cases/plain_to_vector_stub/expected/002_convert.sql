-- migc 0.1.0: generated from input/002_convert.sql for profile test-stub; do not edit
-- migc: source sha256 a23948ef03f3656316569dc7a20af7557670bfc56bef5b0630857cdaed4f373b
-- migc: profile test-stub sha256 53e218c50a28b55225a1d4ed725c75d68392f704e2680d75f88fa52d77f17580
-- real[] was a stopgap; make it a real vector now
-- migc: elided CREATE EXTENSION vector: extension vector is absent in test-stub
ALTER TABLE docs ALTER COLUMN features TYPE real[];
