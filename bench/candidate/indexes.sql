-- Candidate indexes for migration 04 (household registry), applied to the bench database with
-- `--setup bench/candidate/indexes.sql`. Idempotent. Pairs with household-list.queries.ts here.

-- Household numbers sort and prefix-match as the codes they are: with the C collation one btree
-- serves ORDER BY household_number and LIKE 'prefix%' (under C.UTF-8 or zh_CN a LIKE cannot use it).
do $$ begin if (select collation_name from information_schema.columns where table_name = 'household' and column_name = 'household_number') is distinct from 'C' then alter table household alter column household_number type text collate "C"; end if; end $$;

-- The default page (order by household_number, id) and household-number prefix search.
create index if not exists household_number_idx on household (household_number, id);
-- Sort by per-capita income (both directions) and the income band filter; region_code rides along
-- so the capped count of a band is an index-only scan.
create index if not exists household_income_idx on household (per_capita_income, id) include (region_code);
-- Status and attribute filters within a region scope; replaces (county_code, status, poverty_attribute),
-- which no list query can use because they filter on region_code, not county_code.
drop index if exists household_county_status_idx;
create index if not exists household_status_idx on household (status, poverty_attribute, region_code varchar_pattern_ops);
-- Cause filter: main or secondary cause, as (array[main_cause] || secondary_causes) @> array[$cause].
create index if not exists household_causes_idx on household using gin ((array[main_cause] || secondary_causes));
-- Guarantee at risk (guarantee_lights ->> 'x' = 'red', as the query has it): one small partial index per
-- guarantee, in page order, covering the region scope for the count.
create index if not exists household_red_food_clothing_idx on household (household_number, id) include (region_code) where guarantee_lights ->> 'food_clothing' = 'red';
create index if not exists household_red_education_idx on household (household_number, id) include (region_code) where guarantee_lights ->> 'education' = 'red';
create index if not exists household_red_medical_idx on household (household_number, id) include (region_code) where guarantee_lights ->> 'medical' = 'red';
create index if not exists household_red_housing_idx on household (household_number, id) include (region_code) where guarantee_lights ->> 'housing' = 'red';
create index if not exists household_red_water_idx on household (household_number, id) include (region_code) where guarantee_lights ->> 'water' = 'red';
-- Phone tails: reverse(phone) LIKE '4321%' finds numbers ending in 1234, for any tail length.
create index if not exists household_phone_tail_idx on household (reverse(phone) text_pattern_ops);
-- Names are searched through members (the head is one), so head_name needs no pattern index.
drop index if exists household_head_name_idx;

-- Name search by prefix over active members, read from the index alone (it carries household_id);
-- replaces member_name_idx (name varchar_pattern_ops), which sent every match to the heap.
drop index if exists member_name_idx;
create index if not exists member_active_name_idx on member (name varchar_pattern_ops) include (household_id) where status = 'active';

-- Member ID-number and phone tails, any length; replaces (county_code, right(id_number, 4)), which a
-- search across a whole scope cannot use (it does not name one county).
drop index if exists member_id_tail_idx;
create index if not exists member_id_number_tail_idx on member (reverse(id_number) text_pattern_ops);
create index if not exists member_phone_tail_idx on member (reverse(phone) text_pattern_ops);

vacuum (analyze) household;
vacuum (analyze) member;
