-- Cairn catalog, version 5: client request tokens of TransactWriteItems.
--
-- A token makes TransactWriteItems idempotent for 10 minutes, scoped to the account (API Reference,
-- TransactWriteItems, ClientRequestToken). The row is written in the same transaction as the items, so it
-- exists exactly when the transaction committed; a retry with the same token and the same request hash
-- succeeds without writing, one with another hash fails with IdempotentParameterMismatchException.
CREATE TABLE cairn.transaction_tokens (
  account_id   text NOT NULL,
  token        text NOT NULL,
  request_hash text NOT NULL,
  expires_at   timestamptz NOT NULL,
  PRIMARY KEY (account_id, token)
);
COMMENT ON TABLE cairn.transaction_tokens IS 'TransactWriteItems ClientRequestToken idempotency window (per account)';
CREATE INDEX transaction_tokens_expiry ON cairn.transaction_tokens (expires_at);
