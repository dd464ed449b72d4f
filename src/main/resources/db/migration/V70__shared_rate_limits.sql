-- Events counted per limiter, key and fixed window for every server process at once (test calls,
-- key validations): one row per window, deleted by the servers once it has ended.
create table action_windows (
    limiter        text   not null,
    key            text   not null,
    window_start   bigint not null,
    window_seconds int    not null,
    events         int    not null,
    primary key (limiter, key, window_start)
);
