-- Metering: prices by version, the spend ledger, budget windows and in-flight reservations.
-- Money is an integer number of nano-USD (1e-9 USD) everywhere; a cost is rounded up.

-- Optional rates beside a pricing entry's input and output prices (USD per million tokens):
-- cached input, cache writes and reasoning; null means the input (or output) rate applies.
alter table catalog_taxonomy
    add column cached_input_price_per_million numeric(14, 6) check (cached_input_price_per_million >= 0),
    add column cache_write_price_per_million  numeric(14, 6) check (cache_write_price_per_million >= 0),
    add column reasoning_price_per_million    numeric(14, 6) check (reasoning_price_per_million >= 0);

-- Every version a pricing entry ever had, so a ledger row can say what it was charged at.
create table catalog_price_versions (
    entry_id                       uuid          not null,
    version                        integer       not null,
    currency                       text          not null,
    input_price_per_million        numeric(14, 6) not null,
    output_price_per_million       numeric(14, 6) not null,
    cached_input_price_per_million numeric(14, 6),
    cache_write_price_per_million  numeric(14, 6),
    reasoning_price_per_million    numeric(14, 6),
    recorded_at                    timestamptz   not null default now(),
    primary key (entry_id, version)
);

create function catalog_record_price() returns trigger language plpgsql as $$
begin
    if new.kind = 'pricing' then
        insert into catalog_price_versions (entry_id, version, currency, input_price_per_million,
            output_price_per_million, cached_input_price_per_million, cache_write_price_per_million,
            reasoning_price_per_million)
        values (new.id, new.version, new.currency, new.input_price_per_million, new.output_price_per_million,
            new.cached_input_price_per_million, new.cache_write_price_per_million, new.reasoning_price_per_million)
        on conflict (entry_id, version) do update set currency = excluded.currency,
            input_price_per_million = excluded.input_price_per_million,
            output_price_per_million = excluded.output_price_per_million,
            cached_input_price_per_million = excluded.cached_input_price_per_million,
            cache_write_price_per_million = excluded.cache_write_price_per_million,
            reasoning_price_per_million = excluded.reasoning_price_per_million;
    end if;
    return new;
end $$;

-- A price change must be a new version: the trigger makes sure it is, whatever the writer did.
create function catalog_bump_price_version() returns trigger language plpgsql as $$
begin
    if new.kind = 'pricing' and new.version = old.version and (
            new.currency, new.input_price_per_million, new.output_price_per_million,
            new.cached_input_price_per_million, new.cache_write_price_per_million, new.reasoning_price_per_million)
            is distinct from (old.currency, old.input_price_per_million, old.output_price_per_million,
            old.cached_input_price_per_million, old.cache_write_price_per_million, old.reasoning_price_per_million) then
        new.version := old.version + 1;
    end if;
    return new;
end $$;

create trigger catalog_taxonomy_price_version before update on catalog_taxonomy
    for each row execute function catalog_bump_price_version();
create trigger catalog_taxonomy_prices after insert or update on catalog_taxonomy
    for each row execute function catalog_record_price();

insert into catalog_price_versions (entry_id, version, currency, input_price_per_million, output_price_per_million)
select id, version, currency, input_price_per_million, output_price_per_million
from catalog_taxonomy where kind = 'pricing';

-- One row per upstream attempt; append-only. Never a prompt, an answer or a key.
create table ledger (
    id                  bigint generated always as identity primary key,
    request_id          text        not null,
    attempt             integer     not null,
    created_at          timestamptz not null default now(),
    user_id             uuid        not null,
    api_key_id          uuid,
    model               text        not null,
    provider            text,
    profile_id          uuid,
    key_source          text        not null check (key_source in ('byok', 'managed')),
    raw_usage           jsonb,
    input_tokens        bigint,
    cached_input_tokens bigint,
    cache_write_tokens  bigint,
    output_tokens       bigint,
    reasoning_tokens    bigint,
    pricing_entry_id    uuid,
    pricing_version     integer,
    cost_nano           bigint      not null check (cost_nano >= 0),
    status              integer     not null,
    latency_ms          integer,
    ttft_ms             integer,
    streamed            boolean     not null,
    estimated           boolean     not null default false,
    usage_unknown       boolean     not null default false,
    unique (request_id, attempt)
);
create index ledger_created on ledger (created_at);
create index ledger_user_created on ledger (user_id, created_at);

create function ledger_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the ledger is append-only';
end $$;
create trigger ledger_append_only before update or delete on ledger
    for each row execute function ledger_append_only();

-- Spend per user per UTC day and month: all of it, and the part paid by managed keys.
create table spend_windows (
    user_id               uuid   not null,
    period                text   not null check (period in ('day', 'month')),
    starts                date   not null,
    spent_nano            bigint not null default 0,
    reserved_nano         bigint not null default 0 check (reserved_nano >= 0),
    managed_spent_nano    bigint not null default 0,
    managed_reserved_nano bigint not null default 0 check (managed_reserved_nano >= 0),
    primary key (user_id, period, starts)
);

-- Calls in flight: the upper bound reserved on the windows, and what a ledger row needs if the
-- server holding it dies and another settles it after expires_at.
create table reservations (
    request_id       text        primary key,
    user_id          uuid        not null,
    managed          boolean     not null,
    amount_nano      bigint      not null check (amount_nano >= 0),
    input_tokens     bigint      not null,
    output_tokens    bigint      not null,
    day              date        not null,
    month            date        not null,
    created_at       timestamptz not null default now(),
    expires_at       timestamptz not null,
    api_key_id       uuid,
    model            text        not null,
    provider         text,
    profile_id       uuid,
    key_source       text        not null,
    pricing_entry_id uuid,
    pricing_version  integer,
    streamed         boolean     not null
);
create index reservations_expiry on reservations (expires_at);

-- What usage pages read: the ledger rolled up per UTC day, user, model, provider and key source.
create table usage_daily (
    day           date   not null,
    user_id       uuid   not null,
    model         text   not null,
    provider      text   not null default '',
    key_source    text   not null,
    requests      bigint not null default 0,
    input_tokens  bigint not null default 0,
    output_tokens bigint not null default 0,
    cost_nano     bigint not null default 0,
    primary key (day, user_id, model, provider, key_source)
);
create index usage_daily_user on usage_daily (user_id, day);

-- Per user and day only, for who spent most over a range (one row per user per day).
create table usage_daily_users (
    day           date   not null,
    user_id       uuid   not null,
    requests      bigint not null default 0,
    input_tokens  bigint not null default 0,
    output_tokens bigint not null default 0,
    cost_nano     bigint not null default 0,
    primary key (day, user_id)
);
create index usage_daily_users_user on usage_daily_users (user_id, day);

-- The same without the user, for totals over everyone (a few rows per day, however many users).
create table usage_daily_totals (
    day           date   not null,
    model         text   not null,
    provider      text   not null default '',
    key_source    text   not null,
    requests      bigint not null default 0,
    input_tokens  bigint not null default 0,
    output_tokens bigint not null default 0,
    cost_nano     bigint not null default 0,
    primary key (day, model, provider, key_source)
);

-- The model's price now: its pricing entry (the first by name, if several), in USD only.
create function qm_price(p_model uuid)
    returns table (entry_id uuid, version integer, input_rate numeric, output_rate numeric, reasoning_rate numeric)
    language sql stable as $$
    select t.id, t.version, t.input_price_per_million, t.output_price_per_million, t.reasoning_price_per_million
    from catalog_model_taxonomy mt join catalog_taxonomy t on t.id = mt.entry_id
    where mt.model_id = p_model and t.kind = 'pricing' and t.currency = 'USD'
    order by lower(t.name) limit 1
$$;

-- USD per million tokens times tokens, in nano-USD, rounded up.
create function qm_nano(p_tokens bigint, p_rate numeric) returns numeric language sql immutable as $$
    select coalesce(p_tokens, 0) * coalesce(p_rate, 0) * 1000
$$;

-- The limits that bind a user (nano-USD; null: none): admins' for managed spend (the user's own
-- where set, else the tier's, per user of the tier), the personal cap for all spend.
create function qm_limits(p_user uuid)
    returns table (admin_day bigint, admin_month bigint, personal_day bigint, personal_month bigint)
    language sql stable as $$
    select (coalesce(ub.daily_limit, tb.daily_limit) * 1000000000)::bigint,
           (coalesce(ub.monthly_limit, tb.monthly_limit) * 1000000000)::bigint,
           (ub.personal_daily_limit * 1000000000)::bigint,
           (ub.personal_monthly_limit * 1000000000)::bigint
    from users u
    left join user_budgets ub on ub.user_id = u.id
    left join tier_budgets tb on tb.tier = u.tier
    where u.id = p_user
$$;

-- Reserves a call's upper bound on every limit that binds it, atomically: the user's day window
-- then month window are locked, in that order, and checked together. Outcomes: ok, no_price
-- (a managed key, no USD price), request_exceeds_budget (the bound is above a whole limit),
-- budget_exceeded (settled spend leaves no room), in_flight (only reservations block it).
-- With p_dry_run nothing is reserved: the answer of a quote.
create function qm_reserve(p_request_id text, p_user uuid, p_model_id uuid, p_managed boolean,
                           p_input bigint, p_output bigint, p_ttl_seconds integer, p_dry_run boolean,
                           p_api_key uuid, p_model text, p_provider text, p_profile uuid, p_key_source text,
                           p_streamed boolean)
    returns table (outcome text, amount_nano bigint, pricing_entry_id uuid, pricing_version integer,
                   limit_nano bigint, period text)
    language plpgsql as $$
declare
    v_price record;
    v_limits record;
    v_amount bigint := 0;
    v_day date := (now() at time zone 'UTC')::date;
    v_month date := date_trunc('month', now() at time zone 'UTC')::date;
    v_window record;
    v_limit bigint;
    v_spent bigint;
    v_reserved bigint;
    v_blocked text := null;
    v_blocked_limit bigint;
    v_blocked_period text;
    v_kind text;
begin
    select * into v_price from qm_price(p_model_id);
    if v_price.entry_id is null and p_managed then
        return query select 'no_price'::text, 0::bigint, null::uuid, null::integer, null::bigint, null::text;
        return;
    end if;
    if v_price.entry_id is not null then
        v_amount := ceil(qm_nano(p_input, v_price.input_rate)
            + qm_nano(p_output, greatest(v_price.output_rate, coalesce(v_price.reasoning_rate, 0))))::bigint;
    end if;
    select * into v_limits from qm_limits(p_user);

    insert into spend_windows (user_id, period, starts) values (p_user, 'day', v_day), (p_user, 'month', v_month)
        on conflict do nothing;
    for v_window in
        select w.period, w.spent_nano, w.reserved_nano, w.managed_spent_nano, w.managed_reserved_nano
        from spend_windows w
        where w.user_id = p_user and ((w.period = 'day' and w.starts = v_day) or (w.period = 'month' and w.starts = v_month))
        order by w.period
        for update
    loop
        foreach v_kind in array array['admin', 'personal'] loop
            if v_kind = 'admin' then
                continue when not p_managed;
                v_limit := case v_window.period when 'day' then v_limits.admin_day else v_limits.admin_month end;
                v_spent := v_window.managed_spent_nano;
                v_reserved := v_window.managed_reserved_nano;
            else
                v_limit := case v_window.period when 'day' then v_limits.personal_day else v_limits.personal_month end;
                v_spent := v_window.spent_nano;
                v_reserved := v_window.reserved_nano;
            end if;
            continue when v_limit is null;
            if v_amount > v_limit then
                return query select 'request_exceeds_budget'::text, v_amount, v_price.entry_id, v_price.version,
                    v_limit, v_window.period;
                return;
            elsif v_spent + v_amount > v_limit and (v_blocked is null or v_blocked = 'in_flight') then
                v_blocked := 'budget_exceeded';
                v_blocked_limit := v_limit;
                v_blocked_period := v_window.period;
            elsif v_spent + v_reserved + v_amount > v_limit and v_blocked is null then
                v_blocked := 'in_flight';
                v_blocked_limit := v_limit;
                v_blocked_period := v_window.period;
            end if;
        end loop;
    end loop;
    if v_blocked is not null then
        return query select v_blocked, v_amount, v_price.entry_id, v_price.version, v_blocked_limit, v_blocked_period;
        return;
    end if;
    if not p_dry_run then
        update spend_windows w set reserved_nano = w.reserved_nano + v_amount,
            managed_reserved_nano = w.managed_reserved_nano + case when p_managed then v_amount else 0 end
        where w.user_id = p_user and ((w.period = 'day' and w.starts = v_day) or (w.period = 'month' and w.starts = v_month));
        insert into reservations (request_id, user_id, managed, amount_nano, input_tokens, output_tokens, day, month,
            expires_at, api_key_id, model, provider, profile_id, key_source, pricing_entry_id, pricing_version, streamed)
        values (p_request_id, p_user, p_managed, v_amount, p_input, p_output, v_day, v_month,
            now() + make_interval(secs => p_ttl_seconds), p_api_key, p_model, p_provider, p_profile, p_key_source,
            v_price.entry_id, v_price.version, p_streamed);
    end if;
    return query select 'ok'::text, v_amount, v_price.entry_id, v_price.version, null::bigint, null::text;
end $$;

-- Closes a locked reservation: writes its ledger rows (each priced at the reservation's price
-- version, or at p_fixed_cost for a reservation settled without usage), moves the reservation into
-- spent on the windows it was taken from, rolls the rows up, and deletes it. Returns the cost.
create function qm_close(r reservations, p_rows jsonb, p_fixed_cost bigint) returns bigint language plpgsql as $$
declare
    v_price catalog_price_versions%rowtype;
    v_row jsonb;
    v_cost bigint;
    v_total bigint := 0;
    v_requests bigint := 0;
    v_input bigint := 0;
    v_output bigint := 0;
    v_inserted integer;
    v_in bigint; v_cached bigint; v_write bigint; v_out bigint; v_reasoning bigint;
begin
    select * into v_price from catalog_price_versions where entry_id = r.pricing_entry_id and version = r.pricing_version;
    for v_row in select * from jsonb_array_elements(p_rows) loop
        v_in := (v_row ->> 'input_tokens')::bigint;
        v_cached := (v_row ->> 'cached_input_tokens')::bigint;
        v_write := (v_row ->> 'cache_write_tokens')::bigint;
        v_out := (v_row ->> 'output_tokens')::bigint;
        v_reasoning := (v_row ->> 'reasoning_tokens')::bigint;
        if p_fixed_cost is not null then
            v_cost := p_fixed_cost;
        elsif v_price.entry_id is null then
            v_cost := 0;
        else
            v_cost := ceil(
                qm_nano(greatest(coalesce(v_in, 0) - coalesce(v_cached, 0) - coalesce(v_write, 0), 0), v_price.input_price_per_million)
                + qm_nano(v_cached, coalesce(v_price.cached_input_price_per_million, v_price.input_price_per_million))
                + qm_nano(v_write, coalesce(v_price.cache_write_price_per_million, v_price.input_price_per_million))
                + qm_nano(greatest(coalesce(v_out, 0) - coalesce(v_reasoning, 0), 0), v_price.output_price_per_million)
                + qm_nano(v_reasoning, coalesce(v_price.reasoning_price_per_million, v_price.output_price_per_million)))::bigint;
        end if;
        insert into ledger (request_id, attempt, user_id, api_key_id, model, provider, profile_id, key_source, raw_usage,
            input_tokens, cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens, pricing_entry_id,
            pricing_version, cost_nano, status, latency_ms, ttft_ms, streamed, estimated, usage_unknown)
        values (r.request_id, (v_row ->> 'attempt')::integer, r.user_id, r.api_key_id, r.model,
            coalesce(v_row ->> 'provider', r.provider), coalesce((v_row ->> 'profile_id')::uuid, r.profile_id),
            coalesce(v_row ->> 'key_source', r.key_source), v_row -> 'raw_usage', v_in, v_cached, v_write, v_out, v_reasoning,
            r.pricing_entry_id, r.pricing_version, v_cost, coalesce((v_row ->> 'status')::integer, 0),
            (v_row ->> 'latency_ms')::integer, (v_row ->> 'ttft_ms')::integer, r.streamed,
            coalesce((v_row ->> 'estimated')::boolean, false), coalesce((v_row ->> 'usage_unknown')::boolean, false))
        on conflict (request_id, attempt) do nothing;
        get diagnostics v_inserted = row_count;
        continue when v_inserted = 0;
        v_total := v_total + v_cost;
        v_input := v_input + coalesce(v_in, 0);
        v_output := v_output + coalesce(v_out, 0);
        if coalesce((v_row ->> 'final')::boolean, false) then
            v_requests := v_requests + 1;
        end if;
    end loop;
    -- the windows are locked in the order qm_reserve locks them (day, then month): no deadlock between the two
    perform 1 from spend_windows w
    where w.user_id = r.user_id and ((w.period = 'day' and w.starts = r.day) or (w.period = 'month' and w.starts = r.month))
    order by w.period for update;
    update spend_windows w set reserved_nano = w.reserved_nano - r.amount_nano, spent_nano = w.spent_nano + v_total,
        managed_reserved_nano = w.managed_reserved_nano - case when r.managed then r.amount_nano else 0 end,
        managed_spent_nano = w.managed_spent_nano + case when r.managed then v_total else 0 end
    where w.user_id = r.user_id and ((w.period = 'day' and w.starts = r.day) or (w.period = 'month' and w.starts = r.month));
    insert into usage_daily as u (day, user_id, model, provider, key_source, requests, input_tokens, output_tokens, cost_nano)
    values ((now() at time zone 'UTC')::date, r.user_id, r.model, coalesce(r.provider, ''), r.key_source, v_requests,
        v_input, v_output, v_total)
    on conflict (day, user_id, model, provider, key_source) do update set requests = u.requests + excluded.requests,
        input_tokens = u.input_tokens + excluded.input_tokens, output_tokens = u.output_tokens + excluded.output_tokens,
        cost_nano = u.cost_nano + excluded.cost_nano;
    insert into usage_daily_users as u (day, user_id, requests, input_tokens, output_tokens, cost_nano)
    values ((now() at time zone 'UTC')::date, r.user_id, v_requests, v_input, v_output, v_total)
    on conflict (day, user_id) do update set requests = u.requests + excluded.requests,
        input_tokens = u.input_tokens + excluded.input_tokens, output_tokens = u.output_tokens + excluded.output_tokens,
        cost_nano = u.cost_nano + excluded.cost_nano;
    insert into usage_daily_totals as u (day, model, provider, key_source, requests, input_tokens, output_tokens, cost_nano)
    values ((now() at time zone 'UTC')::date, r.model, coalesce(r.provider, ''), r.key_source, v_requests, v_input,
        v_output, v_total)
    on conflict (day, model, provider, key_source) do update set requests = u.requests + excluded.requests,
        input_tokens = u.input_tokens + excluded.input_tokens, output_tokens = u.output_tokens + excluded.output_tokens,
        cost_nano = u.cost_nano + excluded.cost_nano;
    delete from reservations where request_id = r.request_id;
    return v_total;
end $$;

-- Settles a call with its attempts' rows; a reservation already settled (twice, or by the expiry
-- sweep) is left alone and null comes back.
create function qm_settle(p_request_id text, p_rows jsonb) returns bigint language plpgsql as $$
declare
    r reservations%rowtype;
begin
    select * into r from reservations where request_id = p_request_id for update;
    if not found then
        return null;
    end if;
    return qm_close(r, p_rows, null);
end $$;

-- Settles up to p_limit reservations past their expiry (their server died or lost the database)
-- at the full reserved amount, flagged usage_unknown; concurrent sweepers skip each other's rows.
create function qm_expire(p_limit integer) returns integer language plpgsql as $$
declare
    r reservations%rowtype;
    v_count integer := 0;
begin
    for r in select * from reservations where expires_at < now() order by expires_at limit p_limit
             for update skip locked loop
        perform qm_close(r, jsonb_build_array(jsonb_build_object('attempt', 0, 'final', true, 'usage_unknown', true,
            'input_tokens', r.input_tokens, 'output_tokens', r.output_tokens)), r.amount_nano);
        v_count := v_count + 1;
    end loop;
    return v_count;
end $$;
