-- migc 0.1.0: generated from input/002_query.sql for profile v1.0-novector; do not edit
-- migc: source sha256 15cb10031b488007e852c1ae3a1acba9f081ce4df3bfe6d125def5fdc9a6f72c
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
SELECT id FROM places ORDER BY loc <-> point '(0,0)' LIMIT 3;
UPDATE phrases SET q = to_tsquery('simple', 'a') <-> to_tsquery('simple', 'b') WHERE id = 1;
