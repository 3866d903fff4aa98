-- migc 0.1.0: generated from input/0000_init.sql for profile v1.0-novector; do not edit
-- migc: source sha256 a12bbe9385b3cae281e942d9677ceaf0018150f3ac36fe4ea169c46ef6edefd7
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
CREATE TABLE "t" ("id" integer);
