-- migc 0.1.0: generated from input/3_rename.down.sql for profile v1.0-novector; do not edit
-- migc: source sha256 99a8011abb004503c18dc4f6454c0970dd9201f27245ef618f0ef9ccaacc8eab
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
ALTER TABLE docs RENAME COLUMN origin TO source;
