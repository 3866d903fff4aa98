-- migc 0.1.0: generated from input/V1__init.sql for profile v1.0-novector; do not edit
-- migc: source sha256 9c9d4b58d8925a380257bfa332e83eb6f89732e0752a7f032ea2501667e4b338
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
CREATE TABLE ${schema}.docs (id bigserial PRIMARY KEY, title text NOT NULL);
