-- a table copied from another keeps its plain columns
CREATE TABLE docs_archive AS SELECT id, title, embedding FROM docs;

CREATE TABLE docs_dims AS
  SELECT d.id, vector_dims(d.embedding) AS dims, d.title AS name FROM docs d WHERE d.id > 0;

SELECT id, embedding <-> '[1,1,1]' AS distance, title INTO docs_scored FROM docs;

-- the WHERE clause needs pgvector too: the whole table goes
CREATE TABLE docs_near AS SELECT id, title FROM docs WHERE embedding <-> '[1,1,1]' < 5;

-- every column needs pgvector: the whole table goes
CREATE TABLE docs_vectors AS SELECT embedding FROM docs;
