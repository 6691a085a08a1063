-- Monitoring cases (监测对象 identification and assistance): opened from alerts or from a
-- household's application, through verification, village review, township review and the county's
-- decision; then assistance measures, and risk elimination reviewed the same way. Every step is a
-- row of monitoring_case_step (who, role, when, comment, what was decided).
create table monitoring_case (
  id uuid primary key default gen_random_uuid(),
  county_code varchar(12) not null,
  household_id uuid not null references household (id),
  origin text not null check (origin in ('alert', 'application')),
  -- The household's application (农户申报), entered by a cadre on its behalf.
  applicant_name text,
  applicant_statement text,
  applied_on date,
  stage text not null,
  stage_entered_at timestamptz not null default now(),
  -- The day by which the current stage must be done (null when the stage has no deadline).
  stage_due_on date,
  monitoring_type text check (monitoring_type in ('unstable_lifted', 'marginal', 'sudden_hardship')),
  risk_types text[] not null default '{}',
  rejection_reason text,
  opened_by uuid references app_user (id),
  opened_at timestamptz not null default now(),
  identified_at timestamptz,
  closed_at timestamptz,
  -- After risk elimination the household stays watched until this day.
  watch_until date,
  version integer not null default 1
);
-- A household has at most one case in progress.
create unique index monitoring_case_active_key on monitoring_case (household_id) where stage not in ('closed', 'rejected');
create index monitoring_case_county_stage_idx on monitoring_case (county_code, stage);

create table monitoring_case_step (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references monitoring_case (id),
  county_code varchar(12) not null,
  action text not null,
  from_stage text,
  to_stage text not null,
  actor_id uuid references app_user (id),
  actor_username text,
  actor_role text,
  comment text not null default '',
  -- What the step decided or recorded (visit date, type and risks, reason, evidence).
  details jsonb not null default '{}',
  was_overdue boolean not null default false,
  occurred_at timestamptz not null default now()
);
create index monitoring_case_step_case_idx on monitoring_case_step (case_id, occurred_at);

-- Alerts taken into a case.
alter table monitoring_alert add column case_id uuid references monitoring_case (id);

-- Per-county deadlines of each stage (days) and the watch period after risk elimination (months).
create table monitoring_case_settings (
  county_code varchar(12) primary key,
  deadlines jsonb not null,
  watch_months integer not null,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  updated_by uuid references app_user (id)
);
