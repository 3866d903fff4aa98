CREATE TABLE base (id int PRIMARY KEY, name text);
CREATE TABLE child (extra int) INHERITS (base);
CREATE VIEW base_names AS SELECT name FROM base;
CREATE SCHEMA scratch;
CREATE TABLE scratch.tmp (a int);
CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at);
CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
