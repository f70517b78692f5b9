-- Rate limits shared by every gateway replica: one GCRA bucket per policy and subject (e.g. 'caller/key:<id>').
-- `tat` (theoretical arrival time, microseconds since the epoch) is when the bucket is full again; a replica
-- leases a block of units in one statement, which grants what the bucket holds (`granted`, at most `asked`) and
-- moves `tat` on by the time those units take to refill, so the replicas together never lease more than
-- `quota` per `window_us`. A row whose `tat` has passed is a full bucket and may be deleted by any replica.
-- Unlogged: counters are worth no WAL; after a database crash (or on a promoted standby) every bucket starts
-- full, i.e. at worst one extra burst.
create unlogged table rate_limit_buckets (
    bucket    text   primary key,
    quota     bigint not null,
    window_us bigint not null,
    leased_at bigint not null,
    asked     bigint not null,
    granted   bigint not null,
    tat       bigint not null
) with (fillfactor = 70);
