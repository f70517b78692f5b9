-- The key that sealed an agent's MCP header values (AES-256-GCM, tool/ToolSecrets); null: the row was stored
-- before values were sealed. Sealing needs the key, which SQL does not have: agent-service's StoredToolsUpgrade
-- seals such rows (and re-seals rows of an earlier key after a rotation) when it starts, in batches, idempotently.
alter table agents add column secrets_key_id text;
