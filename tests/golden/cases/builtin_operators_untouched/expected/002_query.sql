-- migc 0.1.0: generated from input/002_query.sql for profile v1.0-novector; do not edit
-- migc: source sha256 15cb10031b488007e852c1ae3a1acba9f081ce4df3bfe6d125def5fdc9a6f72c
-- migc: profile v1.0-novector sha256 4763c3d77343001e8fb75ea1c2d90d6ea7a4123bebea09550f1cf02637b8b65b
SELECT id FROM places ORDER BY loc <-> point '(0,0)' LIMIT 3;
UPDATE phrases SET q = to_tsquery('simple', 'a') <-> to_tsquery('simple', 'b') WHERE id = 1;
