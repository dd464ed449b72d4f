-- Exports are limited per user and hour and deleted after a retention period (catalog.export):
-- both read uploads by owner and age. A deleted export keeps its row (not its bytes) until the
-- sweep, so that deleting exports does not make room under the hourly limit.
alter table catalog_uploads add column deleted_at timestamptz;
create index catalog_uploads_owner_created on catalog_uploads (owner_id, created_at);
create index catalog_uploads_created on catalog_uploads (created_at);
