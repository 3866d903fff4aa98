CREATE TABLE staging (id bigint PRIMARY KEY);
CREATE FUNCTION tidy(n integer) RETURNS integer LANGUAGE sql AS 'SELECT n';
