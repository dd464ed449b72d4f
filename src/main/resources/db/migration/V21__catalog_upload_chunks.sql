-- An export's bytes live in the database, not on one server's disk, so that any server process behind
-- a balancer can serve its download. They are split into chunks of about 1 MiB, in order (seq from 0),
-- so that neither the export nor a download holds more than one chunk in memory.
create table catalog_upload_chunks (
    upload_id uuid    not null references catalog_uploads (id) on delete cascade,
    seq       integer not null,
    data      bytea   not null,
    primary key (upload_id, seq),
    constraint catalog_upload_chunks_seq check (seq >= 0)
);
