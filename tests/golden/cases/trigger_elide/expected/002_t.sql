-- migc 0.1.0: generated from input/002_t.sql for profile test-trigger; do not edit
-- migc: source sha256 4b4a0f1475b5580fb1cb4d38961249e19610212e8a9cf4cc698274dffe0c4a97
-- migc: profile test-trigger sha256 51997176a84397dc7b541625578ccb5580e2a7c38e49c55424b57d39ae7eb4b3
-- migc: elided COMMENT ON docs_normalize_trg: trigger docs_normalize_trg elided: function docs_normalize() elided: function l2_normalize needs extension vector, absent in test-trigger
-- migc: elided RENAME TRIGGER docs_normalize_trg: trigger docs_normalize_trg elided: function docs_normalize() elided: function l2_normalize needs extension vector, absent in test-trigger
-- migc: elided DROP trigger docs_unit_trg: trigger docs_normalize_trg elided: function docs_normalize() elided: function l2_normalize needs extension vector, absent in test-trigger
DROP TRIGGER docs_touch_trg ON docs;
-- migc: elided DROP function docs_normalize(): function docs_normalize() elided: function l2_normalize needs extension vector, absent in test-trigger
