-- Briefings (简报): the figures of a region written as the county office's bulletin, edited by an
-- administrator, then issued with a number (第N期 of the region's year), date, issuing office and
-- distribution list. An issued briefing is frozen: the database refuses to change or delete it.
create table briefing (
  id uuid primary key default gen_random_uuid(),
  -- The region's county, or the region itself above county level (the partition key).
  county_code varchar(12) not null,
  region_code varchar(15) not null references region (code),
  title text not null,
  period_start date not null,
  period_end date not null,
  -- [{ key, heading, text }]: written from `figures` when created, then edited.
  sections jsonb not null,
  -- The figures the text was written from, as counted when the briefing was created.
  figures jsonb not null,
  counted_at timestamptz not null,
  status text not null check (status in ('draft', 'issued')),
  issue_year integer,
  issue_number integer,
  issued_on date,
  issuing_office text,
  distribution text,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  issued_by uuid references app_user (id),
  issued_at timestamptz,
  version integer not null default 1,
  check (status = 'draft' or (issue_number is not null and issued_on is not null and issuing_office is not null)),
  unique (region_code, issue_year, issue_number)
);
create index briefing_region_idx on briefing (region_code varchar_pattern_ops, created_at desc);

create function briefing_frozen() returns trigger
language plpgsql as $$
begin
  if old.status = 'issued' then
    raise exception 'briefing % has been issued and cannot change', old.id using errcode = 'check_violation';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  return new;
end $$;

create trigger briefing_frozen before update or delete on briefing
  for each row execute function briefing_frozen();
