-- migc 0.1.0: generated from input/002_schema_ext.sql for profile v1.0-novector; do not edit
-- migc: source sha256 3f832de73c784a05409975bd126f9de86db8bac325c6feeeef6cde009f4a80db
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
CREATE SCHEMA IF NOT EXISTS extensions;
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
-- migc: elided COMMENT ON EXTENSION vector: extension vector is absent in v1.0-novector
CREATE EXTENSION IF NOT EXISTS pgcrypto;
