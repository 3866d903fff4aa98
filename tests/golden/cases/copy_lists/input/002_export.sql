COPY docs (id, embedding, title) TO STDOUT;

COPY docs (embedding) TO STDOUT;

COPY (SELECT id, embedding <-> '[1,1,1]' FROM docs) TO STDOUT;

COPY (SELECT id, title FROM docs) TO STDOUT WITH (FORMAT csv);

COPY docs TO STDOUT;

COPY notes (id, body) TO STDOUT;
