-- migc 0.1.0: generated from input/002_platform_objects.sql for profile v1.0-novector; do not edit
-- migc: source sha256 da38bf400271d6fb1e9a4e46efdb7686a6a54de16e4f1a344320161e6509bc92
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- made outside the tree (by the platform, a prelude, or by hand): migc cannot know
ALTER TABLE workflows ADD COLUMN owner text;
COMMENT ON FUNCTION audit_hook(integer) IS 'installed by the platform';
GRANT SELECT ON settings TO PUBLIC;
