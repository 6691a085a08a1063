-- Assistance measures (帮扶措施) of a monitoring case: what is done, by whom, by when, with what
-- outcome. A case's risk cannot be eliminated while any of its measures is still open.
create table monitoring_measure (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references monitoring_case (id),
  county_code varchar(12) not null,
  kind text not null check (kind in ('industry', 'employment', 'social_security', 'education_motivation', 'other')),
  content text not null,
  responsible text not null,
  starts_on date not null,
  due_on date not null,
  status text not null check (status in ('planned', 'in_progress', 'done', 'cancelled')),
  outcome text not null default '',
  version integer not null default 1,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (due_on >= starts_on)
);
create index monitoring_measure_case_idx on monitoring_measure (case_id, created_at);
