DROP TABLE staging;
ALTER FUNCTION tidy(integer) RENAME TO tidy_up;
