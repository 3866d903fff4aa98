-- migc 0.1.0: generated from input/001_docs.sql for profile v2.0-vector; do not edit
-- migc: source sha256 2e6152b5529cd1bb8f57fd7604612501ae54eead816f94dea2503bd0ed68a7f8
-- migc: profile v2.0-vector sha256 e958eac33fe063bf49a2b49fd9945b43c50d7673386cf5fa67a05b7dd97230d1
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE docs (id integer PRIMARY KEY, title text, embedding vector(3));

CREATE TABLE notes (id integer PRIMARY KEY, body text);
