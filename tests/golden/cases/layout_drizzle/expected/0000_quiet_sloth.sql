-- migc 0.1.0: generated from input/0000_quiet_sloth.sql for profile v1.0-novector; do not edit
-- migc: source sha256 fa21a6e77e3be349b32cd0b38353198e909da7d31839ba8c5e0f750c409a11a9
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
CREATE TABLE IF NOT EXISTS "documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL
);
