ALTER TABLE "t" ADD COLUMN "embedding" vector(3) NOT;
