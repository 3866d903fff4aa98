SELECT id FROM places ORDER BY loc <-> point '(0,0)' LIMIT 3;
UPDATE phrases SET q = to_tsquery('simple', 'a') <-> to_tsquery('simple', 'b') WHERE id = 1;
