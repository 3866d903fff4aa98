-- migc 0.1.0: generated from input/001.do.init.sql for profile v1.0-novector; do not edit
-- migc: source sha256 28cb887fe88dd9f2570ea93c559d78e9b175ac9e60962a931d24b76cac7bf325
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
CREATE TABLE docs (id bigserial PRIMARY KEY, title text NOT NULL);
