-- Accounts. Every permission of a user is bounded by region_code (their scope).
create table app_user (
  id uuid primary key default gen_random_uuid(),
  username text not null check (username ~ '^[a-z0-9][a-z0-9_.-]{2,39}$'),
  display_name text not null check (length(btrim(display_name)) between 1 and 50),
  role text not null check (role in ('administrator', 'township_officer', 'village_cadre', 'caseworker', 'department_officer', 'leader')),
  region_code varchar(15) not null references region (code),
  -- County of the scope (null for users scoped above county level).
  county_code varchar(12),
  phone text,
  password_hash text not null,
  must_change_password boolean not null default true,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  is_demo boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  last_login_at timestamptz
);
create unique index app_user_username_key on app_user (username);
create index app_user_region_idx on app_user (region_code varchar_pattern_ops);

-- Sessions: only a hash of the cookie's token is stored.
create table user_session (
  token_hash text primary key,
  user_id uuid not null references app_user (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index user_session_user_idx on user_session (user_id);
