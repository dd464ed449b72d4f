-- The model catalog: models, the shared taxonomy their sections select from, agents that use them,
-- editors' drafts, exports, and the search projection that /search reads.

-- The nine section kinds share one table. Only pricing rows carry prices and a currency.
create table catalog_taxonomy (
    id                     uuid primary key default gen_random_uuid(),
    kind                   text        not null,
    name                   text        not null,
    description            text        not null default '',
    input_price_per_million  numeric(14, 6),
    output_price_per_million numeric(14, 6),
    currency               text,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now(),
    version                integer     not null default 1,
    constraint catalog_taxonomy_kind check (kind in ('flag', 'department', 'modality', 'pricing', 'quality',
        'reasoning_level', 'temperature_level', 'voice', 'value')),
    constraint catalog_taxonomy_pricing check ((kind = 'pricing') = (currency is not null
        and input_price_per_million is not null and output_price_per_million is not null)),
    constraint catalog_taxonomy_prices check (input_price_per_million >= 0 and output_price_per_million >= 0),
    constraint catalog_taxonomy_currency check (currency ~ '^[A-Z]{3}$')
);
create unique index catalog_taxonomy_name on catalog_taxonomy (kind, lower(name));

create table catalog_models (
    id             uuid primary key default gen_random_uuid(),
    name           text        not null,
    description    text        not null default '',
    value          text        not null,
    provider       text        not null,
    tier           text        not null references tiers (name) on update cascade,
    capabilities   text[]      not null default '{}',
    context_window integer,
    active         boolean     not null default true,
    sample         boolean     not null default false,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    version        integer     not null default 1,
    constraint catalog_models_value_key unique (value),
    constraint catalog_models_provider check
        (provider in ('openai', 'gemini', 'mistral', 'ollama', 'anthropic', 'openai_like')),
    constraint catalog_models_context_window check (context_window > 0)
);

create table catalog_model_providers (
    model_id   uuid    not null references catalog_models (id) on delete cascade,
    profile_id uuid    not null references provider_profiles (id) on delete cascade,
    position   integer not null,
    primary key (model_id, profile_id)
);
create index catalog_model_providers_profile on catalog_model_providers (profile_id);

create table catalog_model_taxonomy (
    model_id uuid not null references catalog_models (id) on delete cascade,
    entry_id uuid not null references catalog_taxonomy (id) on delete cascade,
    primary key (model_id, entry_id)
);
create index catalog_model_taxonomy_entry on catalog_model_taxonomy (entry_id);

create table catalog_agents (
    id          uuid primary key default gen_random_uuid(),
    name        text        not null,
    description text        not null default '',
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     integer     not null default 1
);
create unique index catalog_agents_name on catalog_agents (lower(name));

create table catalog_agent_models (
    agent_id uuid not null references catalog_agents (id) on delete cascade,
    model_id uuid not null references catalog_models (id) on delete cascade,
    primary key (agent_id, model_id)
);
create index catalog_agent_models_model on catalog_agent_models (model_id);

-- An editor's work in progress, in the request format of PATCH .../draft. model_id is null for a
-- draft of a model that does not exist yet.
create table catalog_drafts (
    id         uuid primary key default gen_random_uuid(),
    owner_id   uuid        not null references users (id) on delete cascade,
    model_id   uuid references catalog_models (id) on delete cascade,
    -- the model's version the draft started from: publishing over a newer one is a conflict
    model_version integer,
    state      jsonb       not null,
    version    integer     not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
create index catalog_drafts_owner on catalog_drafts (owner_id, updated_at desc);

create table catalog_uploads (
    id         uuid primary key default gen_random_uuid(),
    owner_id   uuid        not null references users (id) on delete cascade,
    file_name  text        not null,
    row_count  integer     not null,
    size_bytes bigint      not null,
    created_at timestamptz not null default now()
);

-- What /search reads: one row per model with its filterable ids, kept current by the triggers
-- below in the same transaction as every write, and rebuilt whole by /refresh. Each server process
-- keeps an in-memory index of it (SearchIndex) and, before every search, reads the rows written
-- since it last looked: `xid` is the writing transaction, removed rows leave a tombstone.
create table catalog_search (
    model_id       uuid primary key references catalog_models (id) on delete cascade,
    name           text        not null,
    value          text        not null,
    description    text        not null,
    provider       text        not null,
    tier           text        not null,
    capabilities   text[]      not null,
    context_window integer,
    active         boolean     not null,
    provider_ids   uuid[]      not null,
    department_ids uuid[]      not null,
    agent_ids      uuid[]      not null,
    version        integer     not null,
    updated_at     timestamptz not null,
    xid            xid8        not null default pg_current_xact_id()
);
create index catalog_search_xid on catalog_search (xid);

create table catalog_search_removed (
    model_id uuid        not null,
    xid      xid8        not null default pg_current_xact_id(),
    at       timestamptz not null default now()
);
create index catalog_search_removed_xid on catalog_search_removed (xid);

create function catalog_search_tombstones() returns trigger language plpgsql as $$
begin
    insert into catalog_search_removed (model_id) select model_id from removed;
    return null;
end
$$;

create trigger catalog_search_removed after delete on catalog_search
    referencing old table as removed for each statement execute function catalog_search_tombstones();

create function catalog_search_sync(ids uuid[]) returns void language sql as $$
    insert into catalog_search (model_id, name, value, description, provider, tier, capabilities,
                                context_window, active, provider_ids, department_ids, agent_ids, version, updated_at)
    select m.id, m.name, m.value, m.description, m.provider, m.tier, m.capabilities,
           m.context_window, m.active,
           array(select p.profile_id from catalog_model_providers p where p.model_id = m.id order by p.position),
           array(select t.entry_id from catalog_model_taxonomy t join catalog_taxonomy x on x.id = t.entry_id
                  where t.model_id = m.id and x.kind = 'department' order by t.entry_id),
           array(select a.agent_id from catalog_agent_models a where a.model_id = m.id order by a.agent_id),
           m.version, m.updated_at
      from catalog_models m
      join (select distinct unnest(ids) as id) changed on changed.id = m.id
    on conflict (model_id) do update set
        name = excluded.name, value = excluded.value,
        description = excluded.description, provider = excluded.provider, tier = excluded.tier,
        capabilities = excluded.capabilities, context_window = excluded.context_window, active = excluded.active,
        provider_ids = excluded.provider_ids, department_ids = excluded.department_ids,
        agent_ids = excluded.agent_ids, version = excluded.version, updated_at = excluded.updated_at,
        xid = pg_current_xact_id()
$$;

-- Statement-level, over transition tables, so that a bulk insert syncs once, set-based.
create function catalog_search_models_changed() returns trigger language plpgsql as $$
begin
    perform catalog_search_sync(array(select distinct id from changed));
    return null;
end
$$;

create function catalog_search_links_changed() returns trigger language plpgsql as $$
begin
    perform catalog_search_sync(array(select distinct model_id from changed));
    return null;
end
$$;

create trigger catalog_search_models_insert after insert on catalog_models
    referencing new table as changed for each statement execute function catalog_search_models_changed();
create trigger catalog_search_models_update after update on catalog_models
    referencing new table as changed for each statement execute function catalog_search_models_changed();

create trigger catalog_search_providers_insert after insert on catalog_model_providers
    referencing new table as changed for each statement execute function catalog_search_links_changed();
create trigger catalog_search_providers_delete after delete on catalog_model_providers
    referencing old table as changed for each statement execute function catalog_search_links_changed();
create trigger catalog_search_taxonomy_insert after insert on catalog_model_taxonomy
    referencing new table as changed for each statement execute function catalog_search_links_changed();
create trigger catalog_search_taxonomy_delete after delete on catalog_model_taxonomy
    referencing old table as changed for each statement execute function catalog_search_links_changed();
create trigger catalog_search_agents_insert after insert on catalog_agent_models
    referencing new table as changed for each statement execute function catalog_search_links_changed();
create trigger catalog_search_agents_delete after delete on catalog_agent_models
    referencing old table as changed for each statement execute function catalog_search_links_changed();
