-- migc 0.1.0: generated from input/002_b.sql for profile v1.0-novector; do not edit
-- migc: source sha256 07bbd90b208c445921accaef655512d2f9ab45bc584c5f71c3b8bc043e290d02
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
CREATE TABLE b (id int);
