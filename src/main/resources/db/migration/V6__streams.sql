-- Cairn catalog, version 6: DynamoDB Streams (docs/streams.md).
--
-- A stream belongs to one table incarnation (table_id) and keeps its row after it is disabled or its table
-- deleted, so it stays readable for 24 hours. Every row carries the account id; every lookup filters by it.
-- Shards have internal ids (shard_id); the ShardId clients see (shard_name) is random, never derived from names.
ALTER TABLE cairn.tables ADD COLUMN latest_stream_label text;

CREATE TABLE cairn.streams (
  stream_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id    text NOT NULL REFERENCES cairn.accounts (account_id),
  table_id      bigint NOT NULL,
  table_name    text COLLATE "C" NOT NULL,
  stream_label  text NOT NULL,
  view_type     text NOT NULL,
  key_schema    text NOT NULL,
  shard_count   int NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  disabled_at   timestamptz,
  UNIQUE (account_id, table_name, stream_label)
);
CREATE INDEX streams_by_table ON cairn.streams (table_id) WHERE disabled_at IS NULL;
COMMENT ON TABLE cairn.streams IS 'DynamoDB streams; a disabled stream stays readable for 24 hours';

CREATE TABLE cairn.stream_shards (
  shard_id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id      text NOT NULL,
  stream_id       bigint NOT NULL REFERENCES cairn.streams (stream_id),
  table_id        bigint NOT NULL,
  bucket          int NOT NULL,
  bucket_count    int NOT NULL,
  shard_name      text NOT NULL,
  parent_shard_id bigint,
  start_seq       text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  closed_at       timestamptz,
  closed_xid      xid8,
  trimmed_txid    xid8,
  trimmed_serial  bigint,
  UNIQUE (stream_id, shard_name)
);
CREATE INDEX stream_shards_open ON cairn.stream_shards (table_id, bucket) WHERE closed_at IS NULL;
COMMENT ON COLUMN cairn.stream_shards.closed_xid IS
  'transaction that closed the shard: once it is below the snapshot xmin no write can still land in the shard';

-- Records are ordered by (txid, serial): the writing transaction's id, then a global serial. A record is
-- readable only when its txid is below the reader's snapshot watermark (the oldest in-progress transaction that
-- could belong to this database), i.e. when every transaction that could still insert a record ordered before it
-- has finished (docs/streams.md).
CREATE SEQUENCE cairn.stream_record_serial;
CREATE TABLE cairn.stream_records (
  shard_id    bigint NOT NULL,
  txid        xid8 NOT NULL DEFAULT pg_current_xact_id(),
  serial      bigint NOT NULL DEFAULT nextval('cairn.stream_record_serial'),
  account_id  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  event_name  text NOT NULL,
  record      text NOT NULL,
  user_identity text,
  size_bytes  int NOT NULL,
  PRIMARY KEY (shard_id, txid, serial)
);
CREATE INDEX stream_records_age ON cairn.stream_records (created_at);
COMMENT ON COLUMN cairn.stream_records.record IS
  'the "dynamodb" member of the stream record as DynamoDB JSON, without SequenceNumber and ApproximateCreationDateTime';

-- The secret that signs shard iterators (one per database, so every process sharing it accepts them).
CREATE TABLE cairn.stream_secret (
  id     int PRIMARY KEY CHECK (id = 1),
  secret text NOT NULL
);
