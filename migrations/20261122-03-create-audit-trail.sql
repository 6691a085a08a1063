-- Append-only, hash-chained audit trail. One chain per county (chain_code is the county's code,
-- or the region's own code for records above county level), so the trail partitions with the data.
create table audit_chain (
  chain_code varchar(15) primary key,
  last_seq bigint not null,
  last_hash text not null
);

create table audit_event (
  chain_code varchar(15) not null,
  seq bigint not null,
  occurred_at timestamptz not null,
  actor_id uuid,
  actor_username text,
  action text not null,
  entity_type text not null,
  entity_id text not null,
  -- Region the record belongs to: who may read this entry.
  region_code varchar(15) not null,
  before jsonb,
  after jsonb,
  ip text,
  user_agent text,
  prev_hash text not null,
  hash text not null,
  primary key (chain_code, seq)
);
create index audit_event_entity_idx on audit_event (entity_type, entity_id, occurred_at);
create index audit_event_region_idx on audit_event (region_code varchar_pattern_ops, occurred_at);
create index audit_event_time_idx on audit_event (occurred_at);

create function audit_event_forbid_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_event is append-only';
end;
$$;
create trigger audit_event_no_update before update or delete on audit_event
  for each row execute function audit_event_forbid_change();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function audit_event_forbid_change();
