-- migc 0.1.0: generated from input/002_export.sql for profile v2.0-vector; do not edit
-- migc: source sha256 a4fc4f172ef4336df4b3617e69d37a07775e5efcbb4026ea856c24626526f9f6
-- migc: profile v2.0-vector sha256 e958eac33fe063bf49a2b49fd9945b43c50d7673386cf5fa67a05b7dd97230d1
COPY docs (id, embedding, title) TO STDOUT;

COPY docs (embedding) TO STDOUT;

COPY (SELECT id, embedding <-> '[1,1,1]' FROM docs) TO STDOUT;

COPY (SELECT id, title FROM docs) TO STDOUT WITH (FORMAT csv);

COPY docs TO STDOUT;

COPY notes (id, body) TO STDOUT;
