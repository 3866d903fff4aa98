-- migc 0.1.0: generated from input/001_extensions.sql for profile v1.0-novector; do not edit
-- migc: source sha256 19fbae3435ab0b8dcee0557a80236afd683ec346cb2d9064867304487095d4cb
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
CREATE SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA extensions;
CREATE EXTENSION earthdistance CASCADE;
