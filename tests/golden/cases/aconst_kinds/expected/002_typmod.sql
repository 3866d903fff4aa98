-- migc 0.1.0: generated from input/002_typmod.sql for profile v1.0-novector; do not edit
-- migc: source sha256 24a9d6b4951640e25131e9b05ed94dfefb1a62ac21f2ad90ae1b2b792f33b770
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
CREATE TABLE h (id int /* migc: elided column e halfvec('a'): type halfvec('a') needs extension vector, absent in v1.0-novector */);
-- migc: elided SELECT: type halfvec('a') needs extension vector, absent in v1.0-novector
