-- migc 0.1.0: generated from input/002_export.sql for profile v1.0-novector; do not edit
-- migc: source sha256 a4fc4f172ef4336df4b3617e69d37a07775e5efcbb4026ea856c24626526f9f6
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
COPY docs (id, /* migc: elided column embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ title) TO STDOUT;

-- migc: elided COPY docs: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector

-- migc: elided COPY (query): column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector

COPY (SELECT id, title FROM docs) TO STDOUT WITH (FORMAT csv);

COPY docs TO STDOUT;

COPY notes (id, body) TO STDOUT;
