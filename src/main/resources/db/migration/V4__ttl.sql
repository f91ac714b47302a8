-- Cairn catalog, version 4: Time to Live.
--
-- Every item relation gets ttl_at (the item's TTL expiry in epoch seconds, written by every item write while the
-- table has TTL enabled) and a partial index on it, so the TTL sweeper finds expired items without a table scan.
-- Relation names come from internal table ids only.
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT table_id FROM cairn.tables LOOP
    IF to_regclass(format('cairn_data.%I', 't_' || r.table_id)) IS NOT NULL THEN
      EXECUTE format('ALTER TABLE cairn_data.%I ADD COLUMN IF NOT EXISTS ttl_at bigint', 't_' || r.table_id);
      EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON cairn_data.%I (ttl_at) WHERE ttl_at IS NOT NULL',
                     't_' || r.table_id || '_ttl', 't_' || r.table_id);
    END IF;
  END LOOP;
END
$$;

-- Tables whose existing items still need ttl_at computed after TTL was enabled (or moved to another
-- attribute): keyset position in the base table, so a restart resumes. Items written after the change carry
-- ttl_at already (the change bumps the definition version, see V3).
CREATE TABLE cairn.ttl_backfill (
  table_id   bigint PRIMARY KEY,
  after_pk   bytea,
  after_sk   bytea,
  updated_at timestamptz NOT NULL DEFAULT now()
);
