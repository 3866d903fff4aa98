-- migc 0.1.0: generated from input/001_t.sql for profile qa-stub; do not edit
-- migc: source sha256 992c4033fcc51b1f5e08c30e0047424097442fac498ff0017eee0caa67938340
-- migc: profile qa-stub sha256 e59403529bf02d5ea1c50ec4a6baca2ed2294301af9816d74844d18d1b73a7e0
CREATE TABLE docs (
    id bigint PRIMARY KEY,
    embedding double precision[] DEFAULT '{0,0,0}'::double precision[]
);
INSERT INTO docs (id, embedding) VALUES (1, '{1,2,3}'), (2, '{4,5,6}'::double precision[]);
UPDATE docs SET embedding = '{0,0,1}' WHERE id = 1;
ALTER TABLE docs ALTER COLUMN embedding SET DEFAULT '{1,1,1}';
CREATE TABLE items (id int, features real[]);
ALTER TABLE items ALTER COLUMN features TYPE real[] USING features::real[];
