-- The administrative tree: nation › province › city › county › township › village › group.
-- Codes are the official 12-digit statistical division codes (统计用区划代码); village groups
-- (村民小组), which have no official code, get their village's code plus three digits.
create table region (
  code varchar(15) primary key check (code ~ '^[0-9]{12}([0-9]{3})?$'),
  parent_code varchar(15) references region (code),
  level text not null check (level in ('nation', 'province', 'city', 'county', 'township', 'village', 'group')),
  name text not null check (length(btrim(name)) between 1 and 100),
  -- The county the region belongs to (null above county level): the partition key of county data.
  county_code varchar(12),
  -- 'official' rows come from the division-code data package; 'local' rows were added by an administrator.
  source text not null default 'official' check (source in ('official', 'local')),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index region_parent_idx on region (parent_code, code);
create index region_code_prefix_idx on region (code varchar_pattern_ops);
create index region_county_idx on region (county_code);
create index region_name_idx on region (name varchar_pattern_ops);
