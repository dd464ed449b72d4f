-- Console sign-in sessions. The cookie holds a random token; the row holds only its keyed hash
-- (as API keys do), so a copy of the table opens nothing. Any server process accepts a live row.
create table console_sessions (
    id           uuid primary key default gen_random_uuid(),
    user_id      uuid        not null references users (id) on delete cascade,
    token_hash   bytea       not null,
    created_at   timestamptz not null default now(),
    last_seen_at timestamptz not null default now(),
    expires_at   timestamptz not null,
    revoked_at   timestamptz
);
create unique index console_sessions_token_hash_key on console_sessions (token_hash);
create index console_sessions_user_id_idx on console_sessions (user_id);
