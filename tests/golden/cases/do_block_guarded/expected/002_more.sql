-- migc 0.1.0: generated from input/002_more.sql for profile v1.0-novector; do not edit
-- migc: source sha256 0303d2800f9c51d8350e18faeb4680204a373a064da0c758933b7bb85fba5dd3
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
        RAISE NOTICE 'pgvector % is available', (SELECT default_version FROM pg_available_extensions WHERE name = 'vector');
    END IF;
END $$;
ALTER TABLE docs ADD COLUMN summary text;
