-- migc 0.1.0: generated from input/002_more.sql for profile v1.0-novector; do not edit
-- migc: source sha256 0303d2800f9c51d8350e18faeb4680204a373a064da0c758933b7bb85fba5dd3
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
        RAISE NOTICE 'pgvector % is available', (SELECT default_version FROM pg_available_extensions WHERE name = 'vector');
    END IF;
END $$;
ALTER TABLE docs ADD COLUMN summary text;
