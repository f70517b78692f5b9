-- Rate limits shared by every gateway replica: per policy and subject (e.g. 'caller/10s/key:<id>'), the units
-- of the current fixed window (`win`, its index since the epoch: `cur`) and of the previous one (`prev`). The
-- sliding-window count is cur + prev weighted by the part of the previous window still within the last
-- `window_us`; it may not exceed `quota`. A replica leases a block of units in one statement, which grants what
-- the count allows (`granted`, at most `asked`, at `leased_at` microseconds since the epoch), so the replicas
-- together never lease more than the quota. A row whose two windows have ended may be deleted by any replica.
-- Unlogged: counters are worth no WAL; after a database crash (or on a promoted standby) they start from zero.
create unlogged table rate_limit_buckets (
    bucket    text   primary key,
    quota     bigint not null,
    window_us bigint not null,
    win       bigint not null,
    prev      bigint not null,
    cur       bigint not null,
    leased_at bigint not null,
    asked     bigint not null,
    granted   bigint not null
) with (fillfactor = 70);
