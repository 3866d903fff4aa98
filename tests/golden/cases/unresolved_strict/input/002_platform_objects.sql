-- made outside the tree (by the platform, a prelude, or by hand): migc cannot know
ALTER TABLE workflows ADD COLUMN owner text;
COMMENT ON FUNCTION audit_hook(integer) IS 'installed by the platform';
GRANT SELECT ON settings TO PUBLIC;
