-- Settles many calls in one transaction (one commit for all): each element is
-- {"request_id", "rows": [...], "used_tokens"}, as qm_release_rate and qm_settle take them, in that
-- order (rate-limit rows before budget windows, as qm_admit_and_reserve locks them). The caller
-- orders the calls by user, so that two servers' batches lock the same users in the same order.
-- Returns each call's cost (null: it was already settled), in the order given.
create function qm_settle_many(p_calls jsonb) returns jsonb language plpgsql as $$
declare
    v_call jsonb;
    v_costs jsonb := '[]'::jsonb;
begin
    for v_call in select * from jsonb_array_elements(p_calls) loop
        perform qm_release_rate(v_call ->> 'request_id', (v_call ->> 'used_tokens')::bigint);
        v_costs := v_costs || jsonb_build_array(qm_settle(v_call ->> 'request_id', v_call -> 'rows'));
    end loop;
    return v_costs;
end $$;

-- A call's admission in one statement: the rate limits (qm_admit_rate), then, if they admit it,
-- the budgets (qm_reserve); a budget refusal gives the rate-limit slot back. Locks: rate-limit
-- rows before budget windows, the order qm_settle_many takes them in too.
create function qm_admit_and_reserve(p_request_id text, p_user uuid, p_api_key uuid, p_rate_tokens bigint,
                                     p_stream boolean, p_rate_ttl integer, p_model_id uuid, p_managed boolean,
                                     p_input bigint, p_output bigint, p_ttl_seconds integer, p_model text,
                                     p_provider text, p_profile uuid, p_key_source text)
    returns table (outcome text, requests_limit integer, requests_remaining integer, tokens_limit integer,
                   tokens_remaining bigint, streams_limit integer, streams_remaining integer,
                   reset_seconds integer, reset_at timestamptz, retry_after integer,
                   budget_outcome text, amount_nano bigint, pricing_entry_id uuid, pricing_version integer,
                   limit_nano bigint, period text)
    language plpgsql as $$
declare
    a record;
    r record;
begin
    select * into a from qm_admit_rate(p_request_id, p_user, p_api_key, p_rate_tokens, p_stream, false, p_rate_ttl);
    if a.outcome <> 'ok' then
        return query select a.outcome, a.requests_limit, a.requests_remaining, a.tokens_limit, a.tokens_remaining,
            a.streams_limit, a.streams_remaining, a.reset_seconds, a.reset_at, a.retry_after,
            null::text, null::bigint, null::uuid, null::integer, null::bigint, null::text;
        return;
    end if;
    select * into r from qm_reserve(p_request_id, p_user, p_model_id, p_managed, p_input, p_output, p_ttl_seconds,
        false, p_api_key, p_model, p_provider, p_profile, p_key_source, p_stream);
    if r.outcome <> 'ok' then
        perform qm_release_rate(p_request_id, 0);
    end if;
    return query select a.outcome, a.requests_limit, a.requests_remaining, a.tokens_limit, a.tokens_remaining,
        a.streams_limit, a.streams_remaining, a.reset_seconds, a.reset_at, a.retry_after,
        r.outcome, r.amount_nano, r.pricing_entry_id, r.pricing_version, r.limit_nano, r.period;
end $$;
