-- migc 0.1.0: generated from input/002_schema_ext.sql for profile v1.0-novector; do not edit
-- migc: source sha256 3f832de73c784a05409975bd126f9de86db8bac325c6feeeef6cde009f4a80db
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
CREATE SCHEMA IF NOT EXISTS extensions;
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
-- migc: elided COMMENT ON EXTENSION vector: extension vector is absent in v1.0-novector
CREATE EXTENSION IF NOT EXISTS pgcrypto;
