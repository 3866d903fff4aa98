-- migc 0.1.0: generated from input/001_places.sql for profile v1.0-novector; do not edit
-- migc: source sha256 dc4c0f8745a69d843faf3ea58adef8a034db4516a78ea743b5f9d22e9e37d804
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- only PostgreSQL's own <-> (and pg_trgm's): nothing here uses pgvector
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE places (id bigint PRIMARY KEY, name text NOT NULL, loc point NOT NULL, area box);
CREATE TABLE phrases (id bigint PRIMARY KEY, q tsquery);
CREATE INDEX places_name_trgm ON places USING gist (name gist_trgm_ops);
CREATE VIEW nearest_places AS
  SELECT a.id AS from_id, b.id AS to_id, a.loc <-> b.loc AS distance
  FROM places a JOIN places b ON a.id <> b.id;
CREATE VIEW box_distances AS
  SELECT id, area <-> box '((0,0),(1,1))' AS to_unit_box FROM places;
CREATE VIEW similar_names AS
  SELECT id, name <-> 'cafe' AS name_distance FROM places ORDER BY name <-> 'cafe';
CREATE VIEW followed_by AS
  SELECT id, q <-> to_tsquery('simple', 'b') AS phrase FROM phrases;
