-- a change migc cannot keep leaves the earlier, maybe wider, expression
ALTER POLICY docs_all ON docs USING (embedding IS NOT NULL);
