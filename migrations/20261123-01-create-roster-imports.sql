-- Roster imports (花名册导入): one row per uploaded file, from upload through validation to commit.
-- A page polls the row for its status and progress; the history lists them by region.
create table roster_import (
  id uuid primary key default gen_random_uuid(),
  county_code varchar(12) not null,
  -- The importing user's region: who may see the import in the history.
  scope_code varchar(15) not null,
  created_by uuid references app_user (id),
  created_by_username text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  file_name text not null,
  file_sha256 text not null,
  file_size bigint not null,
  -- validating → validated | rejected (unreadable file) → committing → committed | failed;
  -- interrupted when the server stopped while a job ran (the database is as it was before).
  status text not null check (status in
    ('validating', 'validated', 'rejected', 'committing', 'committed', 'failed', 'interrupted')),
  is_only_valid boolean not null default false,
  rows_total integer,
  rows_processed integer not null default 0,
  created_count integer not null default 0,
  updated_count integer not null default 0,
  unchanged_count integer not null default 0,
  rejected_count integer not null default 0,
  problem_count integer not null default 0,
  warning_count integer not null default 0,
  -- Why the whole file was refused (unreadable, no header, nothing to import), in Chinese.
  message text,
  -- The first problems, row by row ({row, column, value, reason}); the report holds them all.
  problems jsonb not null default '[]',
  -- The original rows with an added error column (.xlsx), when there were problems.
  error_report bytea,
  committed_at timestamptz
);
create index roster_import_scope_idx on roster_import (scope_code varchar_pattern_ops, created_at desc);
create index roster_import_county_idx on roster_import (county_code, created_at desc);

-- The uploaded files (one, or two: a household sheet and a person sheet), kept until the import is
-- committed or abandoned (they hold personal data), in chunks of about a megabyte so that neither
-- storing nor reading one back holds a whole file in memory.
create table roster_import_file (
  import_id uuid not null references roster_import (id) on delete cascade,
  county_code varchar(12) not null,
  -- Which file of the upload (0, 1), its name, and the chunk's place in it.
  position smallint not null,
  file_name text not null,
  chunk integer not null,
  content bytea not null,
  primary key (import_id, position, chunk)
);
