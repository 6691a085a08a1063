-- Department screening lists (行业部门筛查名单): a department officer uploads ID numbers with a
-- reason (医保 high medical spending, 民政 disaster victims, 残联 new disability certificates, 人社
-- returned migrant workers); rows are matched to active members by ID number, and a match raises a
-- department_list alert on the member's household. A list with any bad row is refused whole, so
-- only clean lists are stored.
create table monitoring_list (
  id uuid primary key default gen_random_uuid(),
  county_code varchar(12) not null,
  department text not null,
  file_name text not null,
  file_sha256 text not null,
  uploaded_by uuid references app_user (id),
  uploaded_by_username text,
  uploaded_at timestamptz not null default now(),
  row_count integer not null,
  matched_count integer not null,
  unmatched_count integer not null,
  alert_count integer not null,
  -- The county's department_list rule was switched off: matches recorded, no alerts raised.
  is_rule_switched_off boolean not null default false
);
create index monitoring_list_county_idx on monitoring_list (county_code, uploaded_at desc);

create table monitoring_list_row (
  list_id uuid not null references monitoring_list (id),
  county_code varchar(12) not null,
  row_number integer not null,
  id_number text not null,
  name text not null default '',
  reason text not null,
  member_id uuid references member (id),
  household_id uuid references household (id),
  primary key (list_id, row_number)
);
create index monitoring_list_row_household_idx on monitoring_list_row (household_id) where household_id is not null;
