-- Indexes for the household list at province scale (1,000,000 households, 3.5M members): every
-- list, filter, search and sort the web app sends is served by one of these, measured by
-- bench/households.bench.ts. The list query (household-list.queries.ts) is written to use them.

-- Household numbers sort and prefix-match as the codes they are: with the C collation one btree
-- serves ORDER BY household_number and LIKE 'prefix%' (under a linguistic collation a LIKE cannot).
alter table household alter column household_number type text collate "C";

-- The default page (ordered by household number) and household-number prefix search.
create index household_number_idx on household (household_number, id);
-- (The pages of one county in that order come from the unique (county_code, household_number).)
-- Sort by per-capita income (both directions) and the income bands; region_code rides along so the
-- capped count of a band is read from the index alone.
create index household_income_idx on household (per_capita_income, id) include (region_code);
-- Status and attribute filters within a region scope. Replaces (county_code, status,
-- poverty_attribute), which no list query used: the list filters on region_code.
drop index household_county_status_idx;
create index household_status_idx on household (status, poverty_attribute, region_code varchar_pattern_ops);
-- Poverty cause, main or secondary: (array[main_cause] || secondary_causes) @> array[$cause].
create index household_causes_idx on household using gin ((array[main_cause] || secondary_causes));
-- A basic guarantee at risk: one small partial index per guarantee, in page order.
create index household_red_food_clothing_idx on household (household_number, id) include (region_code)
  where guarantee_lights ->> 'food_clothing' = 'red';
create index household_red_education_idx on household (household_number, id) include (region_code)
  where guarantee_lights ->> 'education' = 'red';
create index household_red_medical_idx on household (household_number, id) include (region_code)
  where guarantee_lights ->> 'medical' = 'red';
create index household_red_housing_idx on household (household_number, id) include (region_code)
  where guarantee_lights ->> 'housing' = 'red';
create index household_red_water_idx on household (household_number, id) include (region_code)
  where guarantee_lights ->> 'water' = 'red';
-- Phone tails of any length: reverse(phone) LIKE reverse(tail) || '%'.
create index household_phone_tail_idx on household (reverse(phone) text_pattern_ops);
-- Names are searched through members (the head is one): head_name needs no pattern index.
drop index household_head_name_idx;

-- Name search by prefix over active members, read from the index alone (it carries household_id).
drop index member_name_idx;
create index member_active_name_idx on member (name varchar_pattern_ops) include (household_id)
  where status = 'active';
-- ID-number and phone tails of active members, any length, also read from the index alone.
-- Replaces (county_code, right(id_number, 4)), which a search across a scope larger than a county
-- cannot use.
drop index member_id_tail_idx;
create index member_id_number_tail_idx on member (reverse(id_number) text_pattern_ops) include (household_id)
  where status = 'active';
create index member_phone_tail_idx on member (reverse(phone) text_pattern_ops) include (household_id)
  where status = 'active';

analyze household;
analyze member;
