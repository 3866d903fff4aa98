-- migc 0.1.0: generated from input/002_reset.sql for profile v1.0-novector; do not edit
-- migc: source sha256 a08e9022a43b0258194ee7fd3505c5f37238e2c0ed55e2637a3a48d145dfc1c3
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
CALL reset_items();
