-- A user's (or a group's) connection to an integration through Nango; exactly one owner.
create table integration_connections (
    id                    text primary key,
    display_name          text        not null,
    integration_config_id text        not null,
    nango_connection_id   text        not null,
    owner_user_id         uuid references users (id) on delete cascade,
    group_id              uuid references groups (id) on delete cascade,
    created_by            uuid,
    created_at            timestamptz not null default now(),
    constraint integration_connections_one_owner check ((owner_user_id is null) <> (group_id is null))
);
create index integration_connections_owner on integration_connections (owner_user_id);
create index integration_connections_group on integration_connections (group_id);

-- One preferred connection per user and integration; deleting the connection clears it.
create table integration_preferences (
    user_id               uuid        not null references users (id) on delete cascade,
    integration_config_id text        not null,
    connection_id         text        not null references integration_connections (id) on delete cascade,
    updated_at            timestamptz not null default now(),
    primary key (user_id, integration_config_id)
);
