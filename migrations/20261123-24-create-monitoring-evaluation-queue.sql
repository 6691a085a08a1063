-- Households whose monitoring rules must be evaluated again, because something the rules read
-- changed where no one evaluated them at once: a roster import (set-based writes and COPY), a
-- field visit (the members' epidemic status and problems are written in the visit's own statement,
-- so the visit's trigger covers them), the demo generator. A statement-level trigger
-- appends ONE row per statement holding the households it touched, so a writer pays one small
-- insert per statement (a 1,000-household import chunk as much as a single visit), with no
-- per-household index entry and no lock shared with other writers. The server drains the queue in
-- batches (monitoring-queue.ts): a batch of rows is deleted and its households evaluated in one
-- transaction. A row becomes visible to the drain only when its writer commits, after the change
-- it announces, so no change is missed; a household in several rows is evaluated once per batch
-- (evaluation is idempotent).

create table monitoring_evaluation_queue (
  id bigint generated always as identity primary key,
  household_ids uuid[] not null,
  households integer not null,
  queued_at timestamptz not null default now()
);

create function monitoring_queue_households() returns trigger
language plpgsql as $$
begin
  insert into monitoring_evaluation_queue (household_ids, households)
  select array_agg(distinct n.id), count(distinct n.id) from new_rows n having count(*) > 0;
  return null;
end $$;

-- Visits name their household in household_id.
create function monitoring_queue_visited_households() returns trigger
language plpgsql as $$
begin
  insert into monitoring_evaluation_queue (household_ids, households)
  select array_agg(distinct n.household_id), count(distinct n.household_id) from new_rows n
  having count(*) > 0;
  return null;
end $$;

create trigger monitoring_queue_household_insert after insert on household
  referencing new table as new_rows for each statement execute function monitoring_queue_households();
create trigger monitoring_queue_household_update after update on household
  referencing new table as new_rows for each statement execute function monitoring_queue_households();
create trigger monitoring_queue_visit_insert after insert on visit
  referencing new table as new_rows for each statement execute function monitoring_queue_visited_households();
