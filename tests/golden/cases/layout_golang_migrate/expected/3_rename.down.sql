-- migc 0.1.0: generated from input/3_rename.down.sql for profile v1.0-novector; do not edit
-- migc: source sha256 99a8011abb004503c18dc4f6454c0970dd9201f27245ef618f0ef9ccaacc8eab
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
ALTER TABLE docs RENAME COLUMN origin TO source;
