-- Rate limits of gateway calls: requests and tokens per fixed UTC minute, and concurrent streams,
-- per tier (applied per user of the tier) and per API key; null means unlimited. Shared by every
-- server process: the counters live here and one function admits a call against all of them.

create table tier_rate_limits (
    tier                text primary key references tiers (name) on update cascade on delete cascade,
    requests_per_minute integer check (requests_per_minute >= 0),
    tokens_per_minute   integer check (tokens_per_minute >= 0),
    concurrent_streams  integer check (concurrent_streams >= 0),
    updated_at          timestamptz not null default now()
);

create table api_key_rate_limits (
    api_key_id          uuid primary key references api_keys (id) on delete cascade,
    requests_per_minute integer check (requests_per_minute >= 0),
    tokens_per_minute   integer check (tokens_per_minute >= 0),
    concurrent_streams  integer check (concurrent_streams >= 0),
    updated_at          timestamptz not null default now()
);

-- The counter of one limited scope ('tier:<user id>' or 'key:<api key id>'): the fixed UTC minute
-- it counts and what was admitted in it. One row per scope, rolled over in place when a new
-- minute begins, so that every admission of a scope locks the same row (also across a minute's
-- boundary, where the open streams are counted under it too). Idle rows are swept.
create table rate_windows (
    scope    text        primary key,
    starts   timestamptz not null,
    requests integer     not null default 0,
    tokens   bigint      not null default 0
);
create index rate_windows_starts on rate_windows (starts);

-- Calls admitted under a limit, until they are released: which scopes and which minute counted
-- them (so that release corrects the right window), and the open streams. A row whose server died
-- stops counting at expires_at and is swept later.
create table rate_calls (
    request_id    text        primary key,
    user_scope    text,
    key_scope     text,
    window_starts timestamptz not null,
    tokens        bigint      not null,
    stream        boolean     not null,
    expires_at    timestamptz not null
);
create index rate_calls_user_streams on rate_calls (user_scope, expires_at) where stream;
create index rate_calls_key_streams on rate_calls (key_scope, expires_at) where stream;
create index rate_calls_expiry on rate_calls (expires_at);

-- Which refusal a call gets when several limits are reached: the one waiting cannot cure first,
-- then requests, tokens, streams.
create function qm_rate_rank(p_outcome text) returns integer language sql immutable as $$
    select array_position(array['ok', 'streams', 'tokens', 'requests', 'too_large'], p_outcome)
$$;

-- Admits a call against every rate limit that binds it, atomically: the scopes' counters are
-- locked in scope order ('key:…' before 'tier:…'), all are checked, and only then all are counted.
-- Outcomes: ok, requests, tokens, streams (a limit is reached now), too_large (the call's tokens
-- are above a whole tokens-per-minute limit: waiting cannot help). The header values are those of
-- the tightest scope per dimension (null: no limit); remaining counts this call when admitted;
-- reset_seconds (1-60) and reset_at say when the current window ends.
-- A request id admitted before is ok again and not counted twice. With p_dry_run nothing is
-- counted or locked. Calls without any limit write nothing.
create function qm_admit_rate(p_request_id text, p_user uuid, p_api_key uuid, p_tokens bigint, p_stream boolean,
                              p_dry_run boolean, p_ttl_seconds integer)
    returns table (outcome text, requests_limit integer, requests_remaining integer, tokens_limit integer,
                   tokens_remaining bigint, streams_limit integer, streams_remaining integer,
                   reset_seconds integer, reset_at timestamptz, retry_after integer)
    language plpgsql as $$
declare
    v_minute timestamptz := date_trunc('minute', now());
    v_tokens bigint := greatest(coalesce(p_tokens, 0), 0);
    v_scope record;
    v_starts timestamptz;
    v_used_requests integer;
    v_used_tokens bigint;
    v_open integer;
    v_reset integer;
    v_outcome text := 'ok';
    v_retry integer;
    v_scopes text[] := '{}';
    v_user_scope text;
    v_key_scope text;
    v_window timestamptz;
    v_rl integer; v_rr integer; v_tl integer; v_tr bigint; v_sl integer; v_sr integer;
    v_reset_at timestamptz;
begin
    if not p_dry_run and exists (select 1 from rate_calls c where c.request_id = p_request_id) then
        return query select 'ok'::text, null::integer, null::integer, null::integer, null::bigint, null::integer,
            null::integer, null::integer, null::timestamptz, null::integer;
        return;
    end if;
    for v_scope in
        select s.scope, s.kind, s.rpm, s.tpm, s.streams from (
            select 'key:' || k.api_key_id as scope, 'key' as kind, k.requests_per_minute as rpm,
                   k.tokens_per_minute as tpm, k.concurrent_streams as streams
            from api_key_rate_limits k where k.api_key_id = p_api_key
            union all
            select 'tier:' || u.id, 'tier', t.requests_per_minute, t.tokens_per_minute, t.concurrent_streams
            from users u join tier_rate_limits t on t.tier = u.tier where u.id = p_user
        ) s
        where s.rpm is not null or s.tpm is not null or s.streams is not null
        order by s.scope
    loop
        if p_dry_run then
            select w.starts, w.requests, w.tokens into v_starts, v_used_requests, v_used_tokens
            from rate_windows w where w.scope = v_scope.scope;
            if v_starts is null or v_starts < v_minute then
                v_starts := v_minute; v_used_requests := 0; v_used_tokens := 0;
            end if;
        else
            -- Locks the scope's counter, and starts a new window when the minute has changed.
            insert into rate_windows as w (scope, starts) values (v_scope.scope, v_minute)
            on conflict (scope) do update set
                requests = case when w.starts < excluded.starts then 0 else w.requests end,
                tokens = case when w.starts < excluded.starts then 0 else w.tokens end,
                starts = greatest(w.starts, excluded.starts)
            returning w.starts, w.requests, w.tokens into v_starts, v_used_requests, v_used_tokens;
        end if;
        v_window := greatest(coalesce(v_window, v_starts), v_starts);
        v_reset_at := least(coalesce(v_reset_at, v_starts + interval '1 minute'), v_starts + interval '1 minute');
        v_reset := least(greatest(ceil(extract(epoch from v_starts + interval '1 minute' - now()))::integer, 1), 60);
        v_scopes := v_scopes || v_scope.scope;
        if v_scope.kind = 'key' then v_key_scope := v_scope.scope; else v_user_scope := v_scope.scope; end if;

        if v_scope.rpm is not null then
            if v_used_requests + 1 > v_scope.rpm and qm_rate_rank(v_outcome) < qm_rate_rank('requests') then
                v_outcome := 'requests'; v_retry := v_reset;
            end if;
            if v_rl is null or v_scope.rpm - v_used_requests < v_rr then
                v_rl := v_scope.rpm; v_rr := v_scope.rpm - v_used_requests;
            end if;
        end if;
        if v_scope.tpm is not null then
            if v_tokens > v_scope.tpm then
                v_outcome := 'too_large'; v_retry := null;
            elsif v_used_tokens + v_tokens > v_scope.tpm and qm_rate_rank(v_outcome) < qm_rate_rank('tokens') then
                v_outcome := 'tokens'; v_retry := v_reset;
            end if;
            if v_tl is null or v_scope.tpm - v_used_tokens < v_tr then
                v_tl := v_scope.tpm; v_tr := v_scope.tpm - v_used_tokens;
            end if;
        end if;
        if v_scope.streams is not null then
            if v_scope.kind = 'key' then
                select count(*) into v_open from rate_calls c
                where c.key_scope = v_scope.scope and c.stream and c.expires_at > now();
            else
                select count(*) into v_open from rate_calls c
                where c.user_scope = v_scope.scope and c.stream and c.expires_at > now();
            end if;
            if p_stream and v_open + 1 > v_scope.streams and qm_rate_rank(v_outcome) < qm_rate_rank('streams') then
                v_outcome := 'streams'; v_retry := 1;
            end if;
            if v_sl is null or v_scope.streams - v_open < v_sr then
                v_sl := v_scope.streams; v_sr := v_scope.streams - v_open;
            end if;
        end if;
    end loop;

    if v_outcome = 'ok' and cardinality(v_scopes) > 0 then
        v_rr := v_rr - 1;
        v_tr := v_tr - v_tokens;
        v_sr := v_sr - case when p_stream then 1 else 0 end;
        if not p_dry_run then
            update rate_windows w set requests = w.requests + 1, tokens = w.tokens + v_tokens
            where w.scope = any (v_scopes);
            insert into rate_calls (request_id, user_scope, key_scope, window_starts, tokens, stream, expires_at)
            values (p_request_id, v_user_scope, v_key_scope, v_window, v_tokens, p_stream,
                    now() + make_interval(secs => p_ttl_seconds));
        end if;
    end if;

    -- Now and then, sweep idle counters and calls whose server never released them; rows another
    -- transaction holds are skipped, so the sweep never waits.
    if not p_dry_run and random() < 0.01 then
        delete from rate_windows where scope in (select w.scope from rate_windows w
            where w.starts < now() - interval '5 minutes' limit 1000 for update skip locked);
        delete from rate_calls where request_id in (select c.request_id from rate_calls c
            where c.expires_at < now() limit 1000 for update skip locked);
    end if;

    -- greatest() skips nulls: a dimension without a limit keeps a null remaining.
    return query select v_outcome, v_rl, case when v_rl is null then null else greatest(v_rr, 0) end,
        v_tl, case when v_tl is null then null else greatest(v_tr, 0) end,
        v_sl, case when v_sl is null then null else greatest(v_sr, 0) end,
        case when v_reset_at is not null then least(greatest(ceil(extract(epoch from v_reset_at - now()))::integer, 1), 60) end,
        v_reset_at, v_retry;
end $$;

-- Ends an admitted call: frees its stream's slot and puts its real token count in place of the
-- admitted one, in the window that counted it (nothing, once that minute has passed). Null tokens
-- keep the admitted count. Returns whether the call was still held; releasing twice is a no-op.
create function qm_release_rate(p_request_id text, p_actual_tokens bigint) returns boolean language plpgsql as $$
declare
    c rate_calls%rowtype;
    v_scope text;
begin
    delete from rate_calls where request_id = p_request_id returning * into c;
    if not found then
        return false;
    end if;
    if p_actual_tokens is not null and p_actual_tokens <> c.tokens then
        for v_scope in select s from unnest(array[c.key_scope, c.user_scope]) s where s is not null order by s loop
            update rate_windows w set tokens = greatest(w.tokens - c.tokens + greatest(p_actual_tokens, 0), 0)
            where w.scope = v_scope and w.starts = c.window_starts;
        end loop;
    end if;
    return true;
end $$;
