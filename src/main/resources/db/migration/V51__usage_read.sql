-- usage.read is new; audit.read already allowed reading usage. Users and groups holding audit.read
-- get usage.read too, so that an existing administrator holds it and may grant it (one grants only
-- what one holds). What anyone may read does not change.
update users set permissions = array_append(permissions, 'usage.read'), version = version + 1, updated_at = now()
where 'audit.read' = any (permissions) and not 'usage.read' = any (permissions);
update groups set permissions = array_append(permissions, 'usage.read'), version = version + 1, updated_at = now()
where 'audit.read' = any (permissions) and not 'usage.read' = any (permissions);
