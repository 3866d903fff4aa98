-- migc 0.1.0: generated from input/001.do.init.sql for profile v1.0-novector; do not edit
-- migc: source sha256 28cb887fe88dd9f2570ea93c559d78e9b175ac9e60962a931d24b76cac7bf325
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
CREATE TABLE docs (id bigserial PRIMARY KEY, title text NOT NULL);
