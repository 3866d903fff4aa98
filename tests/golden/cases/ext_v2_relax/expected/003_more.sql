-- migc 0.1.0: generated from input/003_more.sql for profile v2.0-vector; do not edit
-- migc: source sha256 0a474df28fc93249073bac0a93bffabf7f1533e01e2119c204744e85814b113e
-- migc: profile v2.0-vector sha256 11dd9891192b603fcfb7ef897efdd8f7d6005f8ae37212f2ed636088da404646
CREATE EXTENSION IF NOT EXISTS plpgsql;
ALTER EXTENSION vector UPDATE;
