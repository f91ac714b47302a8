-- Cairn catalog, version 2: full table definitions and their lifecycle.
-- A deleted table keeps its row (deleted_at set) so its name can be reused at once while DescribeTable
-- still reports DELETING for the control-plane delay (and, later, its stream stays readable for 24 hours).
ALTER TABLE cairn.tables
  ADD COLUMN table_uuid     uuid NOT NULL DEFAULT gen_random_uuid(),
  ADD COLUMN definition     jsonb NOT NULL DEFAULT '{}'::jsonb,
  ADD COLUMN active_at      timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN updating_until timestamptz,
  ADD COLUMN deleted_at     timestamptz;
ALTER TABLE cairn.tables DROP CONSTRAINT tables_account_id_table_name_key;
CREATE UNIQUE INDEX tables_live_name ON cairn.tables (account_id, table_name) WHERE deleted_at IS NULL;
COMMENT ON COLUMN cairn.tables.definition IS
  'key schema, attribute definitions, indexes, billing, streams, SSE, class, deletion protection, tags (camelCase JSON)';
