-- CRLF
CREATE TABLE t2 (id int);

  ALTER TABLE nope ADD COLUMN x int;
