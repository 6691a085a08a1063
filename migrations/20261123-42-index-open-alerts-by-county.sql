-- Open monitoring alerts counted per county (the dashboard above county level): an index-only scan
-- of this small partial index instead of the alerts' heap.
create index monitoring_alert_open_county_idx on monitoring_alert (county_code) where status = 'open';
