-- The tools of an agent: built-in tools and MCP servers, as a JSON array (validated by the service).
alter table agents add column tools jsonb not null default '[]'::jsonb;
