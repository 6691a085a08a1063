-- Infix name search (--list-query candidate-trgm): pg_trgm and a trigram index on member names.
-- On PGlite the extension must also be loaded when opening: new PGlite(dir, { extensions: { pg_trgm } }).
create extension if not exists pg_trgm;
create index if not exists member_name_trgm_idx on member using gin (name gin_trgm_ops);
vacuum (analyze) member;
