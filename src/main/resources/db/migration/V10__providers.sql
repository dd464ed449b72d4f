-- One store for both provider surfaces: `id` is the UUID of /api/v1/system/ai/providers,
-- `number` the integer id of /api/ai-settings. The key lives in the vault, never here.
create table provider_profiles (
    id                    uuid primary key default gen_random_uuid(),
    number                bigint generated always as identity unique,
    provider              text        not null,
    name                  text,
    description           text,
    model                 text        not null,
    base_url              text,
    default_system_prompt text,
    meta                  jsonb       not null default '{}',
    key_last_four         text,
    has_key               boolean     not null default false,
    is_active             boolean     not null default false,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    version               integer     not null default 0,
    constraint provider_profiles_provider check
        (provider in ('openai', 'gemini', 'mistral', 'ollama', 'anthropic', 'openai_like'))
);

-- At most one active profile, whatever any server process does.
create unique index provider_profiles_one_active on provider_profiles ((true)) where is_active;

create trigger provider_profiles_secrets after delete on provider_profiles
    for each row execute function vault_drop_owned_secrets('id');

-- Who did what, when; never a secret.
create table audit_log (
    id          bigint generated always as identity primary key,
    at          timestamptz not null default now(),
    actor_id    uuid,
    actor_name  text        not null,
    action      text        not null,
    target_type text        not null,
    target_id   text,
    details     jsonb       not null default '{}'
);
create index audit_log_target on audit_log (target_type, target_id, id desc);
