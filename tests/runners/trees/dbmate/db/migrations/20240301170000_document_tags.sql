-- migrate:up
CREATE TABLE document_tags (
    document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    tag         text NOT NULL,
    PRIMARY KEY (document_id, tag)
);

CREATE VIEW tagged_documents AS
    SELECT d.id, d.title, d.canonical_url, t.tag
    FROM documents d JOIN document_tags t ON t.document_id = d.id;

-- migrate:down
DROP VIEW tagged_documents;
DROP TABLE document_tags;
