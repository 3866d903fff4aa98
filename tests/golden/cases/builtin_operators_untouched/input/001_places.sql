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
