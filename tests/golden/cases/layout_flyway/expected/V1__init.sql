-- migc 0.1.0: generated from input/V1__init.sql for profile v1.0-novector; do not edit
-- migc: source sha256 9c9d4b58d8925a380257bfa332e83eb6f89732e0752a7f032ea2501667e4b338
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
CREATE TABLE ${schema}.docs (id bigserial PRIMARY KEY, title text NOT NULL);
