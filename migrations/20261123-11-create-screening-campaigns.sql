-- Screening campaigns (排查): a county administrator picks households, questions and a deadline;
-- the visits made for the campaign are its coverage, their problems its difficulty list.
create table screening_campaign (
  id uuid primary key default gen_random_uuid(),
  county_code varchar(12) not null,
  -- The area whose households are screened (county, township or village) and its code prefix.
  region_code varchar(15) not null references region (code),
  region_prefix text not null,
  name text not null,
  -- Poverty statuses of the households included; empty means every household of the area.
  household_statuses text[] not null default '{}',
  -- [{code, text, kind: 'yes_no' | 'text'}]
  questions jsonb not null default '[]',
  starts_on date not null,
  deadline date not null check (deadline >= starts_on),
  created_by uuid not null references app_user (id),
  created_at timestamptz not null default now()
);
create index screening_campaign_region_idx on screening_campaign (region_code varchar_pattern_ops);

-- The households of a campaign, fixed when it starts.
create table campaign_household (
  campaign_id uuid not null references screening_campaign (id),
  household_id uuid not null references household (id),
  county_code varchar(12) not null,
  region_code varchar(15) not null,
  primary key (campaign_id, household_id)
);
create index campaign_household_region_idx on campaign_household (campaign_id, region_code varchar_pattern_ops);

-- A visit may be made for a campaign, answering its questions.
alter table visit add column campaign_id uuid references screening_campaign (id);
alter table visit add column answers jsonb not null default '[]';
create index visit_campaign_idx on visit (campaign_id, household_id) where campaign_id is not null;
