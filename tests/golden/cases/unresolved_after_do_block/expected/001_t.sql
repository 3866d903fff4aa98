-- migc 0.1.0: generated from input/001_t.sql for profile v1.0-novector; do not edit
-- migc: source sha256 359881969cf64610a0eed540749e990c63bccbb4d04eb40e5fea8d4ccefe1e59
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
CREATE TABLE t (a integer);
