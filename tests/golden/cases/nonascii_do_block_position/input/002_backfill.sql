DO $körper$
BEGIN
    /* ベクトル正規化 */ UPDATE "Maße" SET "größe" = l2_normalize("größe");
END $körper$;
