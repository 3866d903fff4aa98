-- migc 0.1.0: generated from input/0000_quiet_sloth.sql for profile v1.0-novector; do not edit
-- migc: source sha256 fa21a6e77e3be349b32cd0b38353198e909da7d31839ba8c5e0f750c409a11a9
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
CREATE TABLE IF NOT EXISTS "documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL
);
