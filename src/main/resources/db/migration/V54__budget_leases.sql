-- Budget leases: a server process holds a slice of a user's budget windows (for managed spend, or
-- for spend of the user's own keys) and admits calls against it in memory, so that a call needs no
-- statement before its upstream request. A slice is reserved on the windows like a reservation
-- (reserved_nano, and managed_reserved_nano for a managed lease), so settled plus reserved still
-- never exceeds a limit across every process. The holder renews its leases while it lives; a lease
-- past expires_at belongs to a dead (or cut-off) process and any server sweeps it.
create table budget_leases (
    id          uuid        primary key,
    holder      uuid        not null,
    user_id     uuid        not null,
    managed     boolean     not null,
    day         date        not null,
    month       date        not null,
    amount_nano bigint      not null check (amount_nano >= 0),
    expires_at  timestamptz not null
);
create index budget_leases_expiry on budget_leases (expires_at);
create index budget_leases_holder on budget_leases (holder);

-- A call admitted on a lease: its reservation row only records it (for the sweep, should its server
-- die); the money is in the lease.
alter table reservations add column lease_id uuid;
create index reservations_lease on reservations (lease_id) where lease_id is not null;

-- The windows of a lease's user and UTC day and month, locked in the order every function takes them.
create function qm_lock_windows(p_user uuid, p_day date, p_month date) returns void language sql as $$
    select 1 from spend_windows w
    where w.user_id = p_user and ((w.period = 'day' and w.starts = p_day) or (w.period = 'month' and w.starts = p_month))
    order by w.period for update
$$;

-- Checks a user's limits for a call of p_amount when p_need more must be reserved for it, with the
-- user's day and month windows locked (in that order): outcome ok, request_exceeds_budget (the
-- amount is above a whole limit), budget_exceeded (settled spend leaves no room), in_flight (only
-- what is reserved blocks it); the limit that refused, and for ok the least any binding limit has
-- free (null: no limit binds). Managed calls answer to the admins' limits on managed spend too.
create function qm_check(p_user uuid, p_managed boolean, p_amount bigint, p_need bigint, p_day date, p_month date)
    returns table (outcome text, limit_nano bigint, period text, free_nano bigint)
    language plpgsql as $$
declare
    v_limits record;
    v_window record;
    v_kind text;
    v_limit bigint;
    v_spent bigint;
    v_reserved bigint;
    v_free bigint := null;
    v_blocked text := null;
    v_blocked_limit bigint;
    v_blocked_period text;
begin
    select * into v_limits from qm_limits(p_user);
    insert into spend_windows (user_id, period, starts) values (p_user, 'day', p_day), (p_user, 'month', p_month)
        on conflict do nothing;
    for v_window in
        select w.period, w.spent_nano, w.reserved_nano, w.managed_spent_nano, w.managed_reserved_nano
        from spend_windows w
        where w.user_id = p_user and ((w.period = 'day' and w.starts = p_day) or (w.period = 'month' and w.starts = p_month))
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
            if p_amount > v_limit then
                return query select 'request_exceeds_budget'::text, v_limit, v_window.period, null::bigint;
                return;
            elsif v_spent + p_amount > v_limit and (v_blocked is null or v_blocked = 'in_flight') then
                v_blocked := 'budget_exceeded';
                v_blocked_limit := v_limit;
                v_blocked_period := v_window.period;
            elsif v_limit - v_spent - v_reserved < p_need and v_blocked is null then
                v_blocked := 'in_flight';
                v_blocked_limit := v_limit;
                v_blocked_period := v_window.period;
            end if;
            v_free := least(coalesce(v_free, v_limit - v_spent - v_reserved), v_limit - v_spent - v_reserved);
        end loop;
    end loop;
    if v_blocked is not null then
        return query select v_blocked, v_blocked_limit, v_blocked_period, null::bigint;
        return;
    end if;
    return query select 'ok'::text, null::bigint, null::text, v_free;
end $$;

-- Moves p_amount into (or, negative, out of) what the user's windows hold reserved.
create function qm_add_reserved(p_user uuid, p_managed boolean, p_day date, p_month date, p_amount bigint)
    returns void language sql as $$
    update spend_windows w set reserved_nano = w.reserved_nano + p_amount,
        managed_reserved_nano = w.managed_reserved_nano + case when p_managed then p_amount else 0 end
    where w.user_id = p_user and ((w.period = 'day' and w.starts = p_day) or (w.period = 'month' and w.starts = p_month))
$$;

-- Takes or extends a lease so that a call of p_amount fits: p_need is what the lease lacks for it,
-- p_want what the process would like to hold. The limits are checked as for one call (qm_check);
-- the grant is at least p_need and at most p_want, and never more than half of what a limit has
-- free beyond p_need, so other processes find room too. Without any binding limit the lease is
-- unlimited and holds nothing. Outcome 'stale' when the lease was taken on another day or month,
-- 'gone' when the caller took it before (p_taken) but it is no longer there (swept while its holder
-- was cut off): the caller takes a new one.
create function qm_lease(p_lease uuid, p_holder uuid, p_user uuid, p_managed boolean, p_amount bigint,
                         p_need bigint, p_want bigint, p_ttl_seconds integer, p_taken boolean)
    returns table (outcome text, granted bigint, unlimited boolean, limit_nano bigint, period text)
    language plpgsql as $$
declare
    v_day date := (now() at time zone 'UTC')::date;
    v_month date := date_trunc('month', now() at time zone 'UTC')::date;
    c record;
    v_grant bigint := 0;
begin
    if exists (select 1 from budget_leases l where l.id = p_lease and (l.day <> v_day or l.month <> v_month)) then
        return query select 'stale'::text, 0::bigint, false, null::bigint, null::text;
        return;
    end if;
    if p_taken and not exists (select 1 from budget_leases l where l.id = p_lease) then
        return query select 'gone'::text, 0::bigint, false, null::bigint, null::text;
        return;
    end if;
    select * into c from qm_check(p_user, p_managed, p_amount, p_need, v_day, v_month);
    if c.outcome <> 'ok' then
        return query select c.outcome, 0::bigint, false, c.limit_nano, c.period;
        return;
    end if;
    if c.free_nano is not null then
        v_grant := least(greatest(p_want, p_need), p_need + (c.free_nano - p_need) / 2);
        perform qm_add_reserved(p_user, p_managed, v_day, v_month, v_grant);
    end if;
    insert into budget_leases as l (id, holder, user_id, managed, day, month, amount_nano, expires_at)
    values (p_lease, p_holder, p_user, p_managed, v_day, v_month, v_grant, now() + make_interval(secs => p_ttl_seconds))
    on conflict (id) do update set amount_nano = l.amount_nano + excluded.amount_nano, expires_at = excluded.expires_at;
    return query select 'ok'::text, v_grant, c.free_nano is null, null::bigint, null::text;
end $$;

-- One call's reservation (V50's, unchanged in what it answers), on qm_check.
create or replace function qm_reserve(p_request_id text, p_user uuid, p_model_id uuid, p_managed boolean,
                                      p_input bigint, p_output bigint, p_ttl_seconds integer, p_dry_run boolean,
                                      p_api_key uuid, p_model text, p_provider text, p_profile uuid, p_key_source text,
                                      p_streamed boolean)
    returns table (outcome text, amount_nano bigint, pricing_entry_id uuid, pricing_version integer,
                   limit_nano bigint, period text)
    language plpgsql as $$
declare
    v_price record;
    v_amount bigint := 0;
    v_day date := (now() at time zone 'UTC')::date;
    v_month date := date_trunc('month', now() at time zone 'UTC')::date;
    c record;
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
    select * into c from qm_check(p_user, p_managed, v_amount, v_amount, v_day, v_month);
    if c.outcome <> 'ok' then
        return query select c.outcome, v_amount, v_price.entry_id, v_price.version, c.limit_nano, c.period;
        return;
    end if;
    if not p_dry_run then
        perform qm_add_reserved(p_user, p_managed, v_day, v_month, v_amount);
        insert into reservations (request_id, user_id, managed, amount_nano, input_tokens, output_tokens, day, month,
            expires_at, api_key_id, model, provider, profile_id, key_source, pricing_entry_id, pricing_version, streamed)
        values (p_request_id, p_user, p_managed, v_amount, p_input, p_output, v_day, v_month,
            now() + make_interval(secs => p_ttl_seconds), p_api_key, p_model, p_provider, p_profile, p_key_source,
            v_price.entry_id, v_price.version, p_streamed);
    end if;
    return query select 'ok'::text, v_amount, v_price.entry_id, v_price.version, null::bigint, null::text;
end $$;

-- Gives a lease back: what it still holds leaves the windows. Returns that amount (null: no such lease).
create function qm_lease_return(p_lease uuid) returns bigint language plpgsql as $$
declare
    l budget_leases%rowtype;
begin
    select * into l from budget_leases where id = p_lease;
    if not found then
        return null;
    end if;
    perform qm_lock_windows(l.user_id, l.day, l.month);
    delete from budget_leases where id = p_lease returning * into l;
    if not found then
        return null;
    end if;
    perform qm_add_reserved(l.user_id, l.managed, l.day, l.month, -l.amount_nano);
    return l.amount_nano;
end $$;

-- A holder's heartbeat: its leases live on; returns the ids still held (a lease swept meanwhile is
-- gone). A lease row locked by a settlement is skipped, not waited for (waiting, in the rows' physical
-- order, could deadlock with a batch that locks them in users' order); the next heartbeat renews it,
-- well before it expires.
create function qm_lease_renew(p_holder uuid, p_ttl_seconds integer) returns setof uuid language sql as $$
    update budget_leases set expires_at = now() + make_interval(secs => p_ttl_seconds)
    where id in (select id from budget_leases where holder = p_holder for update skip locked);
    select id from budget_leases where holder = p_holder;
$$;

-- Records calls admitted on leases (each {"request_id", "user_id", "lease_id", ...}, reservations'
-- columns): only while the lease lives and before the call has a ledger row, so that a record arriving
-- after its settlement (or its lease's sweep) is not taken for a call in flight.
create function qm_hold(p_calls jsonb, p_live_only boolean) returns void language sql as $$
    insert into reservations (request_id, user_id, managed, amount_nano, input_tokens, output_tokens, day, month,
        expires_at, api_key_id, model, provider, profile_id, key_source, pricing_entry_id, pricing_version, streamed,
        lease_id)
    select c.request_id, c.user_id, c.managed, c.amount_nano, c.input_tokens, c.output_tokens,
        coalesce(l.day, c.day), coalesce(l.month, c.month),
        'infinity', c.api_key_id, c.model, c.provider, c.profile_id, c.key_source, c.pricing_entry_id,
        c.pricing_version, c.streamed, c.lease_id
    from jsonb_to_recordset(p_calls) as c (request_id text, user_id uuid, managed boolean, amount_nano bigint,
        input_tokens bigint, output_tokens bigint, api_key_id uuid, model text, provider text, profile_id uuid,
        key_source text, pricing_entry_id uuid, pricing_version integer, streamed boolean, lease_id uuid, day date,
        month date)
    left join budget_leases l on l.id = c.lease_id
    where (l.id is not null or not p_live_only)
      and not exists (select 1 from ledger g where g.request_id = c.request_id)
    on conflict (request_id) do nothing
$$;

-- Closes a locked reservation: writes its ledger rows (each priced at the reservation's price
-- version, or at p_fixed_cost for a reservation settled without usage), moves the reservation into
-- spent on the windows it was taken from, rolls the rows up, and deletes it. Returns the cost.
-- A call admitted on a lease moves its cost (at most its bound) out of the lease instead; one whose
-- lease is gone (swept) had nothing left reserved. The rollup that all users share
-- (usage_daily_totals) is only added up here (qm_defer_totals); the transaction writes it last, in
-- key order (qm_flush_totals), so two transactions never wait for each other's totals rows while
-- holding users' windows.
create or replace function qm_close(r reservations, p_rows jsonb, p_fixed_cost bigint) returns bigint language plpgsql as $$
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
    v_release bigint := r.amount_nano;
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
    if r.lease_id is not null then
        select least(v_total, r.amount_nano, l.amount_nano) into v_release from budget_leases l
        where l.id = r.lease_id for update;
        v_release := coalesce(v_release, 0);
        update budget_leases l set amount_nano = l.amount_nano - v_release where l.id = r.lease_id;
    end if;
    update spend_windows w set reserved_nano = w.reserved_nano - v_release, spent_nano = w.spent_nano + v_total,
        managed_reserved_nano = w.managed_reserved_nano - case when r.managed then v_release else 0 end,
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
    perform qm_defer_totals(r.model, coalesce(r.provider, ''), r.key_source, v_requests, v_input, v_output, v_total);
    delete from reservations where request_id = r.request_id;
    return v_total;
end $$;

-- The transaction's additions to usage_daily_totals, summed per key in a transaction-local setting.
create function qm_defer_totals(p_model text, p_provider text, p_key_source text, p_requests bigint, p_input bigint,
                                p_output bigint, p_cost bigint) returns void language plpgsql as $$
declare
    v_all jsonb := coalesce(nullif(current_setting('qm.totals', true), ''), '{}')::jsonb;
    v_key text := jsonb_build_array(p_model, p_provider, p_key_source)::text;
    v_old jsonb := coalesce(v_all -> v_key, '[0, 0, 0, 0]'::jsonb);
begin
    v_all := v_all || jsonb_build_object(v_key, jsonb_build_array((v_old ->> 0)::bigint + p_requests,
        (v_old ->> 1)::bigint + p_input, (v_old ->> 2)::bigint + p_output, (v_old ->> 3)::bigint + p_cost));
    perform set_config('qm.totals', v_all::text, true);
end $$;

-- Writes what qm_defer_totals summed, in key order, and forgets it. Every function that closes
-- reservations calls it before it returns.
create function qm_flush_totals() returns void language plpgsql as $$
declare
    v_all jsonb := coalesce(nullif(current_setting('qm.totals', true), ''), '{}')::jsonb;
begin
    insert into usage_daily_totals as u (day, model, provider, key_source, requests, input_tokens, output_tokens, cost_nano)
    select (now() at time zone 'UTC')::date, k ->> 0, k ->> 1, k ->> 2, (v ->> 0)::bigint, (v ->> 1)::bigint,
        (v ->> 2)::bigint, (v ->> 3)::bigint
    from (select key::jsonb as k, value as v from jsonb_each(v_all)) t
    order by k ->> 0, k ->> 1, k ->> 2
    on conflict (day, model, provider, key_source) do update set requests = u.requests + excluded.requests,
        input_tokens = u.input_tokens + excluded.input_tokens, output_tokens = u.output_tokens + excluded.output_tokens,
        cost_nano = u.cost_nano + excluded.cost_nano;
    perform set_config('qm.totals', '', true);
end $$;

-- One call settled on its own (V50's qm_settle), with its totals written.
create or replace function qm_settle(p_request_id text, p_rows jsonb) returns bigint language plpgsql as $$
declare
    v_cost bigint := qm_settle_deferred(p_request_id, p_rows);
begin
    perform qm_flush_totals();
    return v_cost;
end $$;

-- V50's qm_settle, its totals left to the caller's qm_flush_totals.
create function qm_settle_deferred(p_request_id text, p_rows jsonb) returns bigint language plpgsql as $$
declare
    r reservations%rowtype;
begin
    select * into r from reservations where request_id = p_request_id for update;
    if not found then
        return null;
    end if;
    return qm_close(r, p_rows, null);
end $$;

-- V53's batch, its totals written once at the end.
create or replace function qm_settle_many(p_calls jsonb) returns jsonb language plpgsql as $$
declare
    v_call jsonb;
    v_costs jsonb := '[]'::jsonb;
begin
    for v_call in select * from jsonb_array_elements(p_calls) loop
        perform qm_release_rate(v_call ->> 'request_id', (v_call ->> 'used_tokens')::bigint);
        v_costs := v_costs || jsonb_build_array(qm_settle_deferred(v_call ->> 'request_id', v_call -> 'rows'));
    end loop;
    perform qm_flush_totals();
    return v_costs;
end $$;

-- One step of the sweep, in its own transaction, so that it holds one user's windows at a time (a
-- sweep that held several users' would deadlock with a batch of settlements, which takes users in
-- order): the oldest reservation past its expiry (taken call by call, under rate limits), else the
-- oldest lease past its expiry (its holder stopped renewing: its recorded calls at their full amount,
-- flagged usage_unknown, then what it still holds goes back), else a call recorded while its lease
-- was being swept whose server then died too. Concurrent sweepers skip each other's rows. Returns
-- how many calls it settled, 0 when what it found was taken meanwhile, -1 when nothing is abandoned.
drop function qm_expire(integer);
create function qm_expire_next() returns integer language plpgsql as $$
declare
    r reservations%rowtype;
    l budget_leases%rowtype;
    v_count integer := 0;
begin
    select * into r from reservations where expires_at < now() order by expires_at limit 1 for update skip locked;
    if not found then
        select * into r from reservations v where v.lease_id is not null and v.created_at < now() - interval '1 minute'
            and not exists (select 1 from budget_leases b where b.id = v.lease_id) limit 1 for update skip locked;
    end if;
    if found then
        perform qm_close(r, qm_unknown_usage(r), r.amount_nano);
        perform qm_flush_totals();
        return 1;
    end if;
    select * into l from budget_leases where expires_at < now() order by expires_at limit 1;
    if not found then
        return -1;
    end if;
    perform qm_lock_windows(l.user_id, l.day, l.month);
    perform 1 from budget_leases where id = l.id and expires_at < now() for update skip locked;
    if not found then
        return 0;   -- renewed, returned or being swept meanwhile
    end if;
    for r in select * from reservations where lease_id = l.id for update skip locked loop
        perform qm_close(r, qm_unknown_usage(r), r.amount_nano);
        v_count := v_count + 1;
    end loop;
    perform qm_flush_totals();
    if not exists (select 1 from reservations where lease_id = l.id) then   -- else: being settled now
        perform qm_lease_return(l.id);
    end if;
    return v_count;
end $$;

create function qm_unknown_usage(r reservations) returns jsonb language sql immutable as $$
    select jsonb_build_array(jsonb_build_object('attempt', 0, 'final', true, 'usage_unknown', true,
        'input_tokens', r.input_tokens, 'output_tokens', r.output_tokens))
$$;

-- One batch of the settlement writer, in one transaction: calls admitted on leases are recorded
-- (p_holds, see qm_hold), then calls settled (p_calls, see qm_settle_many; a call admitted on a
-- lease carries its record as "hold", written first if it is not yet). Returns the costs.
create function qm_write(p_holds jsonb, p_calls jsonb) returns jsonb language plpgsql as $$
declare
    v_call jsonb;
begin
    perform qm_hold(p_holds, true);
    for v_call in select * from jsonb_array_elements(p_calls) loop
        if v_call ? 'hold' then
            perform qm_hold(jsonb_build_array(v_call -> 'hold'), false);
        end if;
    end loop;
    return qm_settle_many(p_calls);
end $$;
