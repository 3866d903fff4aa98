CREATE TABLE parent_t (a integer);
CREATE TABLE child_t (b integer) INHERITS (parent_t);
ALTER TABLE parent_t INHERIT child_t;
ALTER TABLE child_t INHERIT child_t;
DROP TABLE parent_t CASCADE;
