-- migc 0.1.0: generated from input/001_extensions.sql for profile v1.0-novector; do not edit
-- migc: source sha256 19fbae3435ab0b8dcee0557a80236afd683ec346cb2d9064867304487095d4cb
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
CREATE SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA extensions;
CREATE EXTENSION earthdistance CASCADE;
