COPY docs (id, title, embedding) FROM '/srv/seed/docs.tsv';

COPY docs FROM '/srv/seed/docs.tsv';

COPY notes FROM '/srv/seed/notes.tsv';
