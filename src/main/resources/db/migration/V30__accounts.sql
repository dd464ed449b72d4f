-- A user's own provider keys (BYOK); the key itself is in the vault.
create table byok_keys (
    id            uuid primary key default gen_random_uuid(),
    user_id       uuid        not null references users (id) on delete cascade,
    provider      text        not null,
    valid         boolean,
    validated_at  timestamptz,
    key_last_four text,
    created_at    timestamptz not null default now(),
    unique (user_id, provider),
    constraint byok_keys_provider check
        (provider in ('openai', 'gemini', 'mistral', 'ollama', 'anthropic', 'openai_like'))
);

create trigger byok_keys_secrets after delete on byok_keys
    for each row execute function vault_drop_owned_secrets('id');

-- Budget limits in USD: per tier and per user (admins), and a personal cap a user may set lower.
create table tier_budgets (
    tier          text primary key references tiers (name) on update cascade on delete cascade,
    monthly_limit numeric(12, 2) check (monthly_limit >= 0),
    daily_limit   numeric(12, 2) check (daily_limit >= 0),
    updated_at    timestamptz not null default now()
);

create table user_budgets (
    user_id                uuid primary key references users (id) on delete cascade,
    monthly_limit          numeric(12, 2) check (monthly_limit >= 0),
    daily_limit            numeric(12, 2) check (daily_limit >= 0),
    personal_monthly_limit numeric(12, 2) check (personal_monthly_limit >= 0),
    personal_daily_limit   numeric(12, 2) check (personal_daily_limit >= 0),
    updated_at             timestamptz not null default now()
);

create table user_preferences (
    user_id         uuid primary key references users (id) on delete cascade,
    preferred_model text,
    updated_at      timestamptz not null default now()
);
