-- Failed sign-ins, counted for every server process at once: one row per key (the keyed hash of a
-- client's address or of a username, never either in clear) and fixed window (epoch seconds, a
-- multiple of QM_AUTH_FAILURE_WINDOW). Rows of past windows are deleted by the servers now and then.
create table sign_in_failures (
    key          text   not null,
    window_start bigint not null,
    failures     int    not null,
    primary key (key, window_start)
);
