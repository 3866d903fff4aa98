-- migc 0.1.0: generated from input/003_more.sql for profile v2.0-vector; do not edit
-- migc: source sha256 0a474df28fc93249073bac0a93bffabf7f1533e01e2119c204744e85814b113e
-- migc: profile v2.0-vector sha256 9bdfa9897296388f4220b940c5c6100d396fb6af7f9c80e99cbc48a56b45808a
CREATE EXTENSION IF NOT EXISTS plpgsql;
ALTER EXTENSION vector UPDATE;
