SELECT id, title FROM docs_archive;

SELECT embedding FROM docs_archive;

SELECT id, name FROM docs_dims;

SELECT distance FROM docs_scored;
