-- migc 0.1.0: generated from input/0000_init.sql for profile v1.0-novector; do not edit
-- migc: source sha256 a12bbe9385b3cae281e942d9677ceaf0018150f3ac36fe4ea169c46ef6edefd7
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
CREATE TABLE "t" ("id" integer);
