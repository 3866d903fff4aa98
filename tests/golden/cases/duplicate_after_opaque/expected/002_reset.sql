-- migc 0.1.0: generated from input/002_reset.sql for profile v1.0-novector; do not edit
-- migc: source sha256 a08e9022a43b0258194ee7fd3505c5f37238e2c0ed55e2637a3a48d145dfc1c3
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
CALL reset_items();
