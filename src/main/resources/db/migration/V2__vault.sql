-- Which master key sealed this database, and a rotation in progress if any.
create table vault_state (
    id                 integer primary key default 1 check (id = 1),
    current_key_id     text        not null,
    rotating_to_key_id text,
    updated_at         timestamptz not null default now()
);

-- Every secret, sealed with AES-256-GCM under the master key named by key_id. The associated data
-- binds each ciphertext to (owner_table, owner_id, field): moved to another row it does not open.
create table vault_secrets (
    id          uuid primary key default gen_random_uuid(),
    owner_table text        not null,
    owner_id    text        not null,
    field       text        not null,
    key_id      text        not null,
    ciphertext  bytea       not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    unique (owner_table, owner_id, field)
);
create index vault_secrets_key on vault_secrets (key_id);

-- Owner tables attach this trigger so that a deleted row (also by cascade) takes its secrets along.
create function vault_drop_owned_secrets() returns trigger language plpgsql as $$
begin
    delete from vault_secrets
     where owner_table = tg_table_name
       and owner_id = (to_jsonb(old) ->> tg_argv[0]);
    return null;
end
$$;
