-- 'workflows' was created by a migration someone skipped
ALTER TABLE workflows ADD COLUMN owner text;
ALTER TABLE docs RENAME COLUMN alert_name TO signal_name;
COMMENT ON COLUMN docs.summary IS 'never added';
