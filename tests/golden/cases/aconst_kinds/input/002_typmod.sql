CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE h (id int, e halfvec('a'));
SELECT '[1,2,3]'::halfvec('a');
