-- migc 0.1.0: generated from input/003_more.sql for profile v2.0-vector; do not edit
-- migc: source sha256 0a474df28fc93249073bac0a93bffabf7f1533e01e2119c204744e85814b113e
-- migc: profile v2.0-vector sha256 e958eac33fe063bf49a2b49fd9945b43c50d7673386cf5fa67a05b7dd97230d1
CREATE EXTENSION IF NOT EXISTS plpgsql;
ALTER EXTENSION vector UPDATE;
