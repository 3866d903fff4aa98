-- migc 0.1.0: generated from input/001_docs.sql for profile v2.0-vector; do not edit
-- migc: source sha256 480e81b3dc2d7adb7b9d621d651e2c778cf6681bc1d234d6a3e0aa1403ff4304
-- migc: profile v2.0-vector sha256 e958eac33fe063bf49a2b49fd9945b43c50d7673386cf5fa67a05b7dd97230d1
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE docs (id integer PRIMARY KEY, title text, embedding vector(3));

INSERT INTO docs (id, title, embedding) VALUES (1, 'a', '[1,2,3]'), (2, 'b', '[4,5,6]');
