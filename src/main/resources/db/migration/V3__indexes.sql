-- Cairn catalog, version 3: definition versions and the write guard for secondary-index maintenance.
--
-- Every item write names the table-definition version it was planned with and calls
-- cairn.check_table_version in the same statement: it takes a shared advisory lock on the table and fails
-- (SQLSTATE CN001) when the definition has changed since. A definition change (UpdateTable adding or
-- removing an index) takes the lock exclusively while it bumps the version, so it waits for in-flight writes
-- planned with the old definition, and no write planned with the old definition can commit after it. An
-- index back-fill started after the change therefore sees every write that did not maintain the index.
ALTER TABLE cairn.tables ADD COLUMN def_version bigint NOT NULL DEFAULT 1;

CREATE FUNCTION cairn.check_table_version(p_table bigint, p_version bigint) RETURNS boolean
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(3233, p_table::int);
  IF NOT EXISTS (SELECT 1 FROM cairn.tables
                 WHERE table_id = p_table AND def_version = p_version AND deleted_at IS NULL) THEN
    RAISE EXCEPTION 'table % definition changed', p_table USING ERRCODE = 'CN001';
  END IF;
  RETURN true;
END
$$;

-- Where each running index back-fill has got to (keyset position in the base table), so a restart resumes.
CREATE TABLE cairn.index_backfill (
  table_id   bigint NOT NULL,
  index_id   bigint NOT NULL,
  after_pk   bytea,
  after_sk   bytea,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (table_id, index_id)
);
