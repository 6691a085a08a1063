-- Dashboard figures of the registry as running sums per region, kept exactly consistent with the
-- records by triggers: every statement that changes households or caseworker assignments appends
-- its net change (a delta, grouped by village, dimension and value) in the same transaction, and a
-- compaction folds the deltas into the sums of each village, township and county. A reader adds
-- the sums and the deltas not yet folded in one statement, so it sees exactly the households of
-- its snapshot. Appending never waits on another writer (a long roster import holds no lock that
-- a clerk's save needs); only the compaction updates the sums.

create table household_rollup (
  county_code varchar(12) not null,
  level text not null check (level in ('county', 'township', 'village')),
  -- The region at that level (12 digits).
  region_code varchar(15) not null,
  dimension text not null,
  value text not null,
  households bigint not null default 0,
  people bigint not null default 0,
  primary key (county_code, region_code, dimension, value)
);
create index household_rollup_level_idx on household_rollup (level, region_code varchar_pattern_ops);

create table household_rollup_delta (
  id bigint generated always as identity primary key,
  county_code varchar(12) not null,
  -- The household's village (12 digits).
  region_code varchar(15) not null,
  dimension text not null,
  value text not null,
  households integer not null,
  people integer not null
);

-- What one household counts towards: (dimension, value) pairs. Statuses and attributes together
-- (the marginals are sums), the year lifted, the main cause and every cause, each guarantee's light,
-- the per-capita income band, and whether a caseworker is assigned.
create function household_facts(
  status text,
  poverty_attribute text,
  lifted_year integer,
  main_cause text,
  secondary_causes text[],
  guarantee_lights jsonb,
  per_capita_income numeric,
  has_caseworker boolean
) returns table (dimension text, value text)
language sql immutable as $$
  select 'status_attribute', status || '|' || poverty_attribute
  union all select 'lifted_year', lifted_year::text where lifted_year is not null
  union all select 'main_cause', main_cause
  union all select distinct 'cause', c from unnest(array[main_cause] || secondary_causes) as c
  union all select 'guarantee', g.key || '|' || g.value from jsonb_each_text(guarantee_lights) as g
  union all select 'income_band', case
      when per_capita_income is null then 'unknown'
      when per_capita_income < 4000 then 'below_4000'
      when per_capita_income < 6000 then '4000_6000'
      when per_capita_income < 10000 then '6000_10000'
      when per_capita_income < 20000 then '10000_20000'
      else 'from_20000' end
  union all select 'caseworker', case when has_caseworker then 'assigned' else 'unassigned' end
$$;

-- Households changed by a statement: minus what the old rows counted, plus what the new rows count
-- (an update that changes no figure leaves no delta). A caseworker's assignment is read as it
-- stands: a household statement does not change it.
create function household_rollup_on_household() returns trigger
language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into household_rollup_delta (county_code, region_code, dimension, value, households, people)
    select n.county_code, left(n.region_code, 12), f.dimension, f.value, count(*), sum(n.member_count)
    from new_rows n
    cross join lateral household_facts(n.status, n.poverty_attribute, n.lifted_year, n.main_cause,
      n.secondary_causes, n.guarantee_lights, n.per_capita_income,
      exists (select 1 from household_caseworker c where c.household_id = n.id and c.ended_at is null)) f
    group by 1, 2, 3, 4;
  elsif tg_op = 'UPDATE' then
    -- Only households whose counted columns changed; their caseworker flag is looked up once.
    insert into household_rollup_delta (county_code, region_code, dimension, value, households, people)
    with pairs as (
      select o as before, n as after,
        exists (select 1 from household_caseworker c where c.household_id = n.id and c.ended_at is null) as has_caseworker
      from old_rows o join new_rows n on n.id = o.id
      where (o.county_code, o.region_code, o.status, o.poverty_attribute, o.lifted_year, o.main_cause, o.secondary_causes, o.guarantee_lights, o.per_capita_income, o.member_count)
        is distinct from (n.county_code, n.region_code, n.status, n.poverty_attribute, n.lifted_year, n.main_cause, n.secondary_causes, n.guarantee_lights, n.per_capita_income, n.member_count)
    ),
    sides as (
      select -1 as sign, (before).*, has_caseworker from pairs
      union all
      select 1, (after).*, has_caseworker from pairs
    )
    select h.county_code, left(h.region_code, 12), f.dimension, f.value, sum(h.sign), sum(h.sign * h.member_count)
    from sides h
    cross join lateral household_facts(h.status, h.poverty_attribute, h.lifted_year, h.main_cause,
      h.secondary_causes, h.guarantee_lights, h.per_capita_income, h.has_caseworker) f
    group by 1, 2, 3, 4
    having sum(h.sign) <> 0 or sum(h.sign * h.member_count) <> 0;
  else
    insert into household_rollup_delta (county_code, region_code, dimension, value, households, people)
    select o.county_code, left(o.region_code, 12), f.dimension, f.value, -count(*), -sum(o.member_count)
    from old_rows o
    cross join lateral household_facts(o.status, o.poverty_attribute, o.lifted_year, o.main_cause,
      o.secondary_causes, o.guarantee_lights, o.per_capita_income,
      exists (select 1 from household_caseworker c where c.household_id = o.id and c.ended_at is null)) f
    group by 1, 2, 3, 4;
  end if;
  return null;
end $$;

create trigger household_rollup_insert after insert on household
  referencing new table as new_rows for each statement execute function household_rollup_on_household();
create trigger household_rollup_update after update on household
  referencing old table as old_rows new table as new_rows for each statement execute function household_rollup_on_household();
create trigger household_rollup_delete after delete on household
  referencing old table as old_rows for each statement execute function household_rollup_on_household();

-- Assignments changed by a statement: a household whose "has a caseworker" flipped moves between
-- assigned and unassigned. Whether it had one before is what it has now with the statement's
-- changes undone (open rows it added taken away, open rows it ended or deleted put back).
-- Transition tables need one trigger per event, so each event passes its changes to one query.
create function household_rollup_on_caseworker() returns trigger
language plpgsql as $$
declare
  changes text;
begin
  changes := case tg_op
    when 'INSERT' then 'select household_id, 1 as added from new_rows where ended_at is null'
    when 'UPDATE' then 'select household_id, -1 as added from old_rows where ended_at is null
                        union all select household_id, 1 from new_rows where ended_at is null'
    else 'select household_id, -1 as added from old_rows where ended_at is null' end;
  execute format($q$
    with net as (select household_id, sum(added) as added from (%s) c group by household_id),
    flipped as (
      select h.county_code, left(h.region_code, 12) as region_code, h.member_count,
        now_open.n > 0 as has_now, now_open.n - net.added > 0 as had
      from net
      join household h on h.id = net.household_id
      cross join lateral (select count(*) as n from household_caseworker c
                          where c.household_id = net.household_id and c.ended_at is null) now_open
    )
    insert into household_rollup_delta (county_code, region_code, dimension, value, households, people)
    select county_code, region_code, 'caseworker', v.value, sum(v.sign), sum(v.sign * member_count)
    from flipped
    cross join lateral (values
      (case when had then 'assigned' else 'unassigned' end, -1),
      (case when has_now then 'assigned' else 'unassigned' end, 1)) as v(value, sign)
    where has_now <> had
    group by 1, 2, 3, 4$q$, changes);
  return null;
end $$;

create trigger household_rollup_caseworker_insert after insert on household_caseworker
  referencing new table as new_rows for each statement execute function household_rollup_on_caseworker();
create trigger household_rollup_caseworker_update after update on household_caseworker
  referencing old table as old_rows new table as new_rows for each statement execute function household_rollup_on_caseworker();
create trigger household_rollup_caseworker_delete after delete on household_caseworker
  referencing old table as old_rows for each statement execute function household_rollup_on_caseworker();

-- Folds every committed delta into the sums of its village, township and county.
create function compact_household_rollup() returns integer
language plpgsql as $$
declare
  folded integer;
begin
  perform pg_advisory_xact_lock(7263502);
  with moved as (
    delete from household_rollup_delta returning county_code, region_code, dimension, value, households, people
  ),
  counted as (select count(*)::int as n from moved),
  expanded as (
    select m.county_code, l.level, l.code, m.dimension, m.value, m.households, m.people
    from moved m
    cross join lateral (values
      ('village', m.region_code),
      ('township', left(m.region_code, 9) || '000'),
      ('county', left(m.region_code, 6) || '000000')) as l(level, code)
  ),
  upserted as (
    insert into household_rollup as r (county_code, level, region_code, dimension, value, households, people)
    select county_code, level, code, dimension, value, sum(households), sum(people)
    from expanded group by 1, 2, 3, 4, 5
    on conflict (county_code, region_code, dimension, value) do update
      set households = r.households + excluded.households, people = r.people + excluded.people
    returning 1
  )
  select n into folded from counted, (select count(*) from upserted) u;
  return folded;
end $$;

-- The households already registered.
insert into household_rollup (county_code, level, region_code, dimension, value, households, people)
select h.county_code, l.level, l.code, f.dimension, f.value, count(*), sum(h.member_count)
from household h
cross join lateral household_facts(h.status, h.poverty_attribute, h.lifted_year, h.main_cause,
  h.secondary_causes, h.guarantee_lights, h.per_capita_income,
  exists (select 1 from household_caseworker c where c.household_id = h.id and c.ended_at is null)) f
cross join lateral (values
  ('village', left(h.region_code, 12)),
  ('township', left(h.region_code, 9) || '000'),
  ('county', left(h.region_code, 6) || '000000')) as l(level, code)
group by 1, 2, 3, 4, 5;
