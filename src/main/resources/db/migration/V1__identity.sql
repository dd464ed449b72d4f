-- Plan tiers are ordered by rank; a model's minimum tier is compared by rank.
create table tiers (
    name         text primary key,
    rank         integer     not null unique,
    description  text        not null default '',
    managed_keys boolean     not null default false,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    version      integer     not null default 0,
    constraint tiers_name_format check (name ~ '^[a-z][a-z0-9_-]{0,31}$')
);

insert into tiers (name, rank, description, managed_keys) values
    ('free', 0, 'Free plan', false),
    ('pro', 10, 'Pro plan', true),
    ('enterprise', 20, 'Enterprise plan', true);

create table users (
    id            uuid primary key default gen_random_uuid(),
    username      text        not null,
    display_name  text,
    tier          text        not null references tiers (name) on update cascade,
    permissions   text[]      not null default '{}',
    password_hash text,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    version       integer     not null default 0
);
create unique index users_username_key on users (lower(username));

create table groups (
    id          uuid primary key default gen_random_uuid(),
    name        text        not null,
    description text        not null default '',
    permissions text[]      not null default '{}',
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     integer     not null default 0
);
create unique index groups_name_key on groups (lower(name));

create table group_members (
    group_id uuid not null references groups (id) on delete cascade,
    user_id  uuid not null references users (id) on delete cascade,
    primary key (group_id, user_id)
);
create index group_members_user on group_members (user_id);

-- Only a keyed hash of each API key is stored; the prefix identifies it in lists.
create table api_keys (
    id           uuid primary key default gen_random_uuid(),
    user_id      uuid        not null references users (id) on delete cascade,
    name         text        not null,
    prefix       text        not null,
    hash         bytea       not null unique,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_keys_user on api_keys (user_id);
