-- The household registry (建档立卡): households, members, yearly income, caseworker assignments,
-- and a version row for every change. Every table carries county_code, the partition key.
create table household (
  id uuid primary key default gen_random_uuid(),
  county_code varchar(12) not null,
  region_code varchar(15) not null references region (code),
  household_number text not null,
  address text not null default '',
  phone text,
  bank_account text,
  poverty_attribute text not null,
  identification_standard text not null,
  main_cause text not null,
  secondary_causes text[] not null default '{}',
  status text not null,
  lifted_year integer,
  cultivated_land_mu numeric(12, 2) not null default 0,
  forest_land_mu numeric(12, 2) not null default 0,
  house_area_m2 numeric(12, 2) not null default 0,
  dangerous_house_grade text not null default 'none',
  has_electricity boolean not null default true,
  is_drinking_water_safe boolean not null default true,
  has_water_difficulty boolean not null default false,
  has_road_to_house boolean not null default true,
  has_sanitary_toilet boolean not null default false,
  fuel text not null default 'firewood',
  is_cooperative_member boolean not null default false,
  -- Derived when saved, kept for filtering and dashboards.
  member_count integer not null default 0,
  head_name text not null default '',
  per_capita_income numeric(12, 2),
  guarantee_lights jsonb not null default '{}',
  warning_count integer not null default 0,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (county_code, household_number)
);
create index household_region_idx on household (region_code varchar_pattern_ops);
create index household_county_status_idx on household (county_code, status, poverty_attribute);
create index household_head_name_idx on household (head_name varchar_pattern_ops);

create table member (
  id uuid primary key default gen_random_uuid(),
  county_code varchar(12) not null,
  household_id uuid not null references household (id),
  name text not null,
  sex text not null check (sex in ('male', 'female')),
  id_number text not null,
  birth_date date not null,
  relation text not null,
  ethnicity text not null,
  education text not null,
  schooling_status text not null,
  health text not null,
  disability_grade text,
  labour_ability text not null,
  work_place text not null,
  work_months integer not null default 0,
  has_basic_medical_insurance boolean not null default false,
  has_serious_illness_insurance boolean not null default false,
  has_basic_pension boolean not null default false,
  phone text,
  status text not null default 'active' check (status in ('active', 'moved_out', 'deceased')),
  position integer not null default 0,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- One living person is an active member of at most one household.
create unique index member_active_id_number_key on member (id_number) where status = 'active';
create index member_household_idx on member (household_id, position);
create index member_id_tail_idx on member (county_code, right(id_number, 4));
create index member_name_idx on member (name varchar_pattern_ops);

create table household_income (
  household_id uuid not null references household (id),
  county_code varchar(12) not null,
  year integer not null,
  wage numeric(14, 2) not null default 0,
  business numeric(14, 2) not null default 0,
  property numeric(14, 2) not null default 0,
  transfer numeric(14, 2) not null default 0,
  pension numeric(14, 2) not null default 0,
  dibao numeric(14, 2) not null default 0,
  tekun numeric(14, 2) not null default 0,
  eco_compensation numeric(14, 2) not null default 0,
  other_transfer numeric(14, 2) not null default 0,
  business_costs numeric(14, 2) not null default 0,
  member_count integer not null,
  per_capita_income numeric(12, 2),
  updated_at timestamptz not null default now(),
  primary key (household_id, year)
);

-- Caseworker assignments; ended rows are kept as history.
create table household_caseworker (
  id uuid primary key default gen_random_uuid(),
  county_code varchar(12) not null,
  household_id uuid not null references household (id),
  user_id uuid not null references app_user (id),
  assigned_at timestamptz not null default now(),
  assigned_by uuid references app_user (id),
  ended_at timestamptz,
  ended_by uuid references app_user (id)
);
create unique index household_caseworker_open_key on household_caseworker (household_id, user_id) where ended_at is null;
create index household_caseworker_user_idx on household_caseworker (user_id) where ended_at is null;

-- Every saved state of a household (with members and income): the timeline and "as of" views.
create table household_version (
  household_id uuid not null references household (id),
  version integer not null,
  county_code varchar(12) not null,
  changed_at timestamptz not null default now(),
  changed_by uuid references app_user (id),
  changed_by_username text,
  reason text not null,
  snapshot jsonb not null,
  primary key (household_id, version)
);

-- Soft findings (data-quality warnings) of the household's current version.
create table household_finding (
  household_id uuid not null references household (id),
  county_code varchar(12) not null,
  path text not null,
  code text not null,
  message text not null,
  primary key (household_id, path, code)
);
create index household_finding_code_idx on household_finding (county_code, code);
