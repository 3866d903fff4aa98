-- migc 0.1.0: generated from input/002_copies.sql for profile v1.0-novector; do not edit
-- migc: source sha256 99b574466e094de00dd8967bbd703f3369c5c03119d35e0c52589547eb206097
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- a table copied from another keeps its plain columns
CREATE TABLE docs_archive AS SELECT id, title /* migc: elided column embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ FROM docs;

CREATE TABLE docs_dims AS
  SELECT d.id, /* migc: elided column dims: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ d.title AS name FROM docs d WHERE d.id > 0;

SELECT id, /* migc: elided column distance: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ title INTO docs_scored FROM docs;

-- the WHERE clause needs pgvector too: the whole table goes
-- migc: elided table docs_near: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector

-- every column needs pgvector: the whole table goes
-- migc: elided table docs_vectors: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
