-- migc 0.1.0: generated from input/002_b.sql for profile v1.0-novector; do not edit
-- migc: source sha256 07bbd90b208c445921accaef655512d2f9ab45bc584c5f71c3b8bc043e290d02
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
CREATE TABLE b (id int);
