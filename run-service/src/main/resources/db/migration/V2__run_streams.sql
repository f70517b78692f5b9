-- issue 4: runs that can be queued and cancelled, and the events each run streamed, kept so that a client
-- can replay a run's stream from any replica (GET /internal/runs/{id}/stream?since=N)
alter table runs drop constraint runs_status_check;
alter table runs add constraint runs_status_check
    check (status in ('queued', 'in_progress', 'completed', 'failed', 'cancelled'));
-- set by POST /internal/runs/{id}/cancel on any replica; the replica running it stops within a second
alter table runs add column cancel_requested_at timestamptz;

create table run_stream_events (
    run_id     uuid        not null,
    seq        integer     not null,
    type       text        not null,
    data       text        not null,
    created_at timestamptz not null,
    primary key (run_id, seq)
);
create index run_stream_events_created on run_stream_events (created_at);

-- a client may cancel a run id it chose before the run exists (before the first byte of its stream)
create table run_cancellations (
    run_id       uuid primary key,
    org_id       text        not null,
    requested_at timestamptz not null
);
