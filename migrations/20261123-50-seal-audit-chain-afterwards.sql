-- Writers no longer take the county's chain head (a row lock held to commit serialised every write
-- of a county): an entry arrives unsealed (no seq, prev_hash, hash), numbered only by `id`, and the
-- sealer (audit-seal.ts) links committed entries into their county's chain afterwards, in batches,
-- in `id` order. The chain order is the sealing order; an entry that commits late is sealed later.
alter table audit_event add column id bigint generated always as identity;
alter table audit_event drop constraint audit_event_pkey;
alter table audit_event add primary key (id);
alter table audit_event alter column seq drop not null;
alter table audit_event alter column prev_hash drop not null;
alter table audit_event alter column hash drop not null;
alter table audit_event add constraint audit_event_chain_seq_key unique (chain_code, seq);
-- Sealed whole or not at all.
alter table audit_event add constraint audit_event_seal_whole
  check ((seq is null) = (hash is null) and (hash is null) = (prev_hash is null));
-- The sealer's queue: only unsealed entries are in it, so it stays a few pages.
create index audit_event_unsealed_idx on audit_event (id) where hash is null;

-- Still append-only: the one change allowed is sealing an unsealed entry, once, leaving every
-- other column as it was. Delete and truncate raise as before.
create or replace function audit_event_forbid_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.hash is null and new.hash is not null
     and to_jsonb(new) - 'seq' - 'prev_hash' - 'hash' = to_jsonb(old) - 'seq' - 'prev_hash' - 'hash' then
    return new;
  end if;
  raise exception 'audit_event is append-only';
end;
$$;

-- Entries arrive unsealed: only the sealer links them into a chain.
create function audit_event_arrive_unsealed() returns trigger language plpgsql as $$
begin
  if new.seq is not null or new.prev_hash is not null or new.hash is not null then
    raise exception 'audit_event entries arrive unsealed';
  end if;
  return new;
end;
$$;
create trigger audit_event_unsealed_insert before insert on audit_event
  for each row execute function audit_event_arrive_unsealed();
