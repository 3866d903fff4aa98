-- migc 0.1.0: generated from input/002_copies.sql for profile v2.0-vector; do not edit
-- migc: source sha256 99b574466e094de00dd8967bbd703f3369c5c03119d35e0c52589547eb206097
-- migc: profile v2.0-vector sha256 e958eac33fe063bf49a2b49fd9945b43c50d7673386cf5fa67a05b7dd97230d1
-- a table copied from another keeps its plain columns
CREATE TABLE docs_archive AS SELECT id, title, embedding FROM docs;

CREATE TABLE docs_dims AS
  SELECT d.id, vector_dims(d.embedding) AS dims, d.title AS name FROM docs d WHERE d.id > 0;

SELECT id, embedding <-> '[1,1,1]' AS distance, title INTO docs_scored FROM docs;

-- the WHERE clause needs pgvector too: the whole table goes
CREATE TABLE docs_near AS SELECT id, title FROM docs WHERE embedding <-> '[1,1,1]' < 5;

-- every column needs pgvector: the whole table goes
CREATE TABLE docs_vectors AS SELECT embedding FROM docs;
