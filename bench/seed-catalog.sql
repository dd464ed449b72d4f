-- Seeds a benchmark catalog: 20 provider profiles, 12 departments, 10 agents and :models models
-- (default 100000) with 1-2 profiles, 1-2 departments and, for a fifth of them, an agent each.
-- Triggers are off while seeding; one set-based rebuild of the search projection follows, as
-- /refresh does.
\set ON_ERROR_STOP on
\if :{?models}
\else
\set models 100000
\endif

begin;
set local session_replication_role = replica;

insert into provider_profiles (provider, name, model)
select (array['openai', 'anthropic', 'gemini', 'mistral', 'ollama', 'openai_like'])[1 + i % 6],
       'Bench profile ' || i, 'bench-model-' || i
  from generate_series(1, 20) i;

insert into catalog_taxonomy (kind, name, description)
select 'department', (array['Sales', 'Legal', 'Support', 'Engineering', 'Finance', 'Marketing', 'Research',
                            'Operations', 'Security', 'Design', 'People', 'Data'])[i], 'Bench department'
  from generate_series(1, 12) i;

insert into catalog_agents (name, description)
select 'Bench agent ' || i, 'Bench agent' from generate_series(1, 10) i;

insert into catalog_models (name, description, value, provider, tier, capabilities, context_window)
select initcap(f.family) || ' ' || f.variant || ' ' || i,
       'A ' || (array['fast', 'careful', 'cheap', 'multilingual', 'precise', 'creative', 'compact'])[1 + i % 7]
           || ' model for ' || (array['chat', 'coding', 'summaries', 'search', 'support', 'analysis', 'translation',
                                      'extraction', 'reasoning', 'vision', 'agents'])[1 + i % 11] || ' work',
       f.family || '-' || f.variant || '-' || i,
       (array['openai', 'anthropic', 'gemini', 'mistral', 'ollama', 'openai_like'])[1 + i % 6],
       (array['free', 'pro', 'enterprise'])[1 + i % 3],
       case i % 4 when 0 then array['chat', 'tools'] when 1 then array['chat', 'vision']
                  when 2 then array['code', 'chat'] else array['embeddings', 'json'] end,
       (array[8192, 32768, 128000, 200000, 1000000])[1 + i % 5]
  from generate_series(1, :models) i,
       lateral (select (array['gpt', 'claude', 'gemini', 'mistral', 'llama', 'qwen', 'phi', 'command', 'deepseek', 'granite'])[1 + (i / 7) % 10] as family,
                       (array['mini', 'pro', 'ultra', 'turbo', 'flash', 'large', 'small', 'nano', 'max', 'lite'])[1 + (i / 3) % 10] as variant) f;

with m as (select id, row_number() over (order by id) as n from catalog_models),
     p as (select id, row_number() over (order by id) - 1 as k from provider_profiles where name like 'Bench profile %')
insert into catalog_model_providers (model_id, profile_id, position)
select m.id, p.id, 1 from m join p on p.k = m.n % 20
union all
select m.id, p.id, 2 from m join p on p.k = (m.n * 7 + 3) % 20 where m.n % 2 = 0 and (m.n * 7 + 3) % 20 <> m.n % 20;

with m as (select id, row_number() over (order by id) as n from catalog_models),
     d as (select id, row_number() over (order by id) - 1 as k from catalog_taxonomy where kind = 'department')
insert into catalog_model_taxonomy (model_id, entry_id)
select m.id, d.id from m join d on d.k = m.n % 12
union
select m.id, d.id from m join d on d.k = (m.n / 12) % 12 where m.n % 3 = 0;

with m as (select id, row_number() over (order by id) as n from catalog_models),
     a as (select id, row_number() over (order by id) - 1 as k from catalog_agents)
insert into catalog_agent_models (agent_id, model_id)
select a.id, m.id from m join a on a.k = m.n % 10 where m.n % 5 = 0;

delete from catalog_search;
select catalog_search_sync(array(select id from catalog_models));
commit;

analyze;
select count(*) as models, (select count(*) from catalog_search) as projected from catalog_models;
