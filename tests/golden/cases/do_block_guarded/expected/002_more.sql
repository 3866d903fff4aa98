-- migc 0.1.0: generated from input/002_more.sql for profile v1.0-novector; do not edit
-- migc: source sha256 0303d2800f9c51d8350e18faeb4680204a373a064da0c758933b7bb85fba5dd3
-- migc: profile v1.0-novector sha256 11a8fa96e66eb58cae4f3adc58468e28c1cc626c1464ef1dbab7a98d0080623f
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
        RAISE NOTICE 'pgvector % is available', (SELECT default_version FROM pg_available_extensions WHERE name = 'vector');
    END IF;
END $$;
ALTER TABLE docs ADD COLUMN summary text;
