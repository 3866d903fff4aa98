-- +goose Up
-- 018_rename_execution_bundle_to_container_image.sql
--
-- Workflows are executed from OCI images, not Tekton bundles (DD-WORKFLOW-005).
-- Rename the column and its index, and record the image digest so the
-- executor can pin what it runs.

ALTER TABLE remediation_workflows
    RENAME COLUMN execution_bundle TO container_image;

ALTER INDEX idx_remediation_workflows_execution_bundle
    RENAME TO idx_remediation_workflows_container_image;

ALTER TABLE remediation_workflows
    ADD COLUMN container_digest TEXT;

ALTER TABLE remediation_workflows
    ADD CONSTRAINT chk_remediation_workflows_container_digest
        CHECK (container_digest IS NULL
               OR container_digest ~ '^sha256:[0-9a-f]{64}$');

-- Active workflows must name an image; normalise whitespace on the way in.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION validate_workflow_container_image()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    NEW.container_image := nullif(btrim(NEW.container_image), '');
    IF NEW.status = 'active' AND NEW.container_image IS NULL THEN
        RAISE EXCEPTION 'active workflow %/% has no container image',
            NEW.workflow_name, NEW.version
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.container_digest IS NOT NULL
       AND position('@' IN NEW.container_image) > 0
       AND split_part(NEW.container_image, '@', 2) <> NEW.container_digest THEN
        RAISE EXCEPTION 'container image % does not match digest %',
            NEW.container_image, NEW.container_digest
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;
-- +goose StatementEnd

CREATE TRIGGER trg_remediation_workflows_container_image
    BEFORE INSERT OR UPDATE OF container_image, container_digest, status
    ON remediation_workflows
    FOR EACH ROW EXECUTE FUNCTION validate_workflow_container_image();

COMMENT ON COLUMN remediation_workflows.container_image IS
    'OCI image reference that executes this workflow (was execution_bundle)';
COMMENT ON COLUMN remediation_workflows.container_digest IS
    'sha256 digest of container_image, pinned at registration time';

-- +goose Down
DROP TRIGGER IF EXISTS trg_remediation_workflows_container_image ON remediation_workflows;
DROP FUNCTION IF EXISTS validate_workflow_container_image();
ALTER TABLE remediation_workflows
    DROP CONSTRAINT IF EXISTS chk_remediation_workflows_container_digest;
ALTER TABLE remediation_workflows DROP COLUMN IF EXISTS container_digest;
ALTER INDEX idx_remediation_workflows_container_image
    RENAME TO idx_remediation_workflows_execution_bundle;
ALTER TABLE remediation_workflows
    RENAME COLUMN container_image TO execution_bundle;
COMMENT ON COLUMN remediation_workflows.execution_bundle IS
    'Tekton bundle reference that executes this workflow';
