-- The sweep compares what fires with the open alerts on a fingerprint instead of the facts: the
-- facts as text, in the form jsonb prints them (keys by length, then bytes), which the rules build
-- by concatenation and turn into jsonb only for the alerts raised or refreshed. A sweep in which
-- nothing changed builds no jsonb at all. The open alerts get theirs from their facts here; one
-- without a fingerprint (a department list's, which the sweep never compares) differs from anything.
alter table monitoring_alert add column fingerprint text;
update monitoring_alert set fingerprint = facts::text where status = 'open';
