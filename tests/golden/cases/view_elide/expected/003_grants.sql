-- migc 0.1.0: generated from input/003_grants.sql for profile v1.0-novector; do not edit
-- migc: source sha256 be3782d6cf13928c0697417f14368b4c3826d379ea1320aaa05cc66308a6af8a
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided COMMENT ON doc_coverage: view doc_coverage elided: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
COMMENT ON VIEW doc_titles IS 'titles';
-- migc: elided COMMENT ON doc_vectors.embedding: view doc_vectors elided: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
GRANT SELECT ON /* migc: elided view doc_vectors: view doc_vectors elided: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector */ doc_titles TO PUBLIC;
-- migc: elided GRANT on view doc_coverage: view doc_coverage elided: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
-- migc: elided GRANT on columns of docs: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
-- migc: elided REVOKE on view doc_vectors_recent: view doc_vectors_recent elided: view doc_vectors elided: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
-- migc: elided RENAME view doc_coverage: view doc_coverage elided: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
-- migc: elided ALTER view doc_embedding_coverage: view doc_coverage elided: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
-- migc: elided DROP materialized view doc_vectors_mat: materialized view doc_vectors_mat elided: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
-- migc: elided DROP view doc_embedding_coverage: view doc_coverage elided: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
