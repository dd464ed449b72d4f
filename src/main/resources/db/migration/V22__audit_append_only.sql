-- The audit log is append-only for everyone who uses the database through SQL's normal paths, the
-- application's own role included (it owns the table, so a REVOKE alone would not bind it): an
-- UPDATE, DELETE or TRUNCATE of audit_log fails. Only a deliberate ALTER TABLE … DISABLE TRIGGER by
-- the table's owner, or a superuser, gets past this; deployments that want that closed as well
-- run the server as a role that does not own the schema (see docs/system-api.md).
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_log_no_update_or_delete before update or delete on audit_log
    for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only();
