-- migc 0.1.0: generated from input/003_comment.sql for profile v1.0-novector; do not edit
-- migc: source sha256 c7f877ee94e89bbdc1866a79e278f1cf4bb7cd5db2f8b3f3e065c3b476926a24
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
COMMENT ON COLUMN t.b IS 'added by the DO block in 002';
