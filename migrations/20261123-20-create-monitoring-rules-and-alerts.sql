-- Dynamic monitoring against returning to poverty (防返贫动态监测): the rules a county administrator
-- configures for each year, the rigid spending the income account does not hold, and the alerts
-- (预警) the rules raise. Every table carries county_code, the partition key.

-- One rule of one county for one monitoring year: switched on or off, its thresholds (checked
-- against the rule's own ranges by the service), and the dates between which it is evaluated.
create table monitoring_rule (
  county_code varchar(12) not null,
  year integer not null,
  rule_code text not null,
  is_enabled boolean not null,
  thresholds jsonb not null default '{}',
  effective_from date not null,
  effective_to date,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  updated_by uuid references app_user (id),
  primary key (county_code, year, rule_code),
  check (effective_to is null or effective_to >= effective_from)
);

-- Rigid spending of a household in a year (刚性支出: medical costs after reimbursement, disaster
-- losses, other unavoidable spending), which the yearly income account does not hold.
create table household_rigid_spending (
  household_id uuid not null references household (id),
  county_code varchar(12) not null,
  year integer not null,
  medical numeric(14, 2) not null default 0,
  disaster_loss numeric(14, 2) not null default 0,
  other numeric(14, 2) not null default 0,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  updated_by uuid references app_user (id),
  primary key (household_id, year)
);

-- A rule (or a department list) says a household may be at risk. `facts` holds the values that
-- fired it; `source_key` says which occurrence it is (the income year, the members concerned, the
-- list row), so an alert dismissed after checking is not raised again for the same occurrence.
-- open → dismissed (checked, no risk) | cleared (the condition no longer holds) | in_case.
create table monitoring_alert (
  id uuid primary key default gen_random_uuid(),
  county_code varchar(12) not null,
  household_id uuid not null references household (id),
  rule_code text not null,
  year integer not null,
  source_key text not null,
  facts jsonb not null,
  status text not null default 'open' check (status in ('open', 'dismissed', 'cleared', 'in_case')),
  -- sweep | household | list
  raised_by text not null,
  list_id uuid,
  raised_at timestamptz not null default now(),
  closed_at timestamptz,
  closed_by uuid references app_user (id),
  close_reason text
);
-- The same rule never has two open alerts on the same household.
create unique index monitoring_alert_open_key on monitoring_alert (household_id, rule_code) where status = 'open';
create index monitoring_alert_occurrence_idx on monitoring_alert (household_id, rule_code, source_key);
create index monitoring_alert_county_status_idx on monitoring_alert (county_code, status, raised_at desc);
