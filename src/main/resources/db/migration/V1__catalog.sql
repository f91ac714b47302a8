-- Cairn catalog, version 1: accounts, administrators, access keys, runtime settings, table names.
-- Item relations live in schema cairn_data, one per DynamoDB table, named from internal ids (t_<id>).
CREATE SCHEMA IF NOT EXISTS cairn;
CREATE SCHEMA IF NOT EXISTS cairn_data;

CREATE TABLE cairn.accounts (
  account_id text PRIMARY KEY CHECK (account_id ~ '^[0-9]{12}$'),
  name       text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE cairn.accounts IS 'Cairn accounts: the unit of isolation (12-digit ids, as in ARNs)';

CREATE TABLE cairn.admins (
  name          text PRIMARY KEY,
  password_hash text NOT NULL,
  updated_at    timestamptz NOT NULL DEFAULT now()
);
COMMENT ON COLUMN cairn.admins.password_hash IS 'Argon2id PHC string';

CREATE TABLE cairn.access_keys (
  access_key_id     text PRIMARY KEY,
  account_id        text NOT NULL REFERENCES cairn.accounts (account_id),
  user_name         text NOT NULL,
  secret_ciphertext bytea NOT NULL,
  imported          boolean NOT NULL DEFAULT false,
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX access_keys_by_account ON cairn.access_keys (account_id, created_at);
COMMENT ON COLUMN cairn.access_keys.secret_ciphertext IS 'AES-256-GCM under the master key kept outside the database';

CREATE TABLE cairn.settings (
  name       text PRIMARY KEY,
  value      text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cairn.tables (
  table_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id   text NOT NULL REFERENCES cairn.accounts (account_id),
  table_name   text COLLATE "C" NOT NULL,
  table_status text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, table_name)
);
COMMENT ON TABLE cairn.tables IS 'DynamoDB tables per account; items live in cairn_data.t_<table_id>';
