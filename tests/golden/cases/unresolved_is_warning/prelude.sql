-- what the target provides before the first migration
CREATE TABLE workflows (id bigint PRIMARY KEY);
CREATE FUNCTION audit_hook(integer) RETURNS void LANGUAGE sql AS '';
CREATE TABLE settings (k text PRIMARY KEY, v text);
