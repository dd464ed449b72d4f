-- The request log reads the ledger newest first by (created_at, id): with the id in the index the
-- order is read from it, where an index of created_at alone had to sort each run of equal times (a
-- settlement batch commits its rows at one now()) before the first page was known.
drop index ledger_created;
create index ledger_created on ledger (created_at, id);
drop index ledger_user_created;
create index ledger_user_created on ledger (user_id, created_at, id);
