-- issue 11: a run belongs to the replica executing it through a lease. That replica (owner: its instance id, a
-- random UUID per start) refreshes heartbeat_at of all its executing runs every switchboard.runs.heartbeat-interval;
-- a run whose heartbeat is older than switchboard.runs.lease-timeout is taken by another replica's sweeper, which
-- restarts it once (attempts) if the model had produced nothing yet, else ends it failed (error_code worker_lost).
alter table runs add column owner text;
alter table runs add column heartbeat_at timestamptz;
alter table runs add column attempts integer not null default 1;
alter table runs add column error_code text;
-- what a replica taking the run over needs to restart it or to store its partial answer: the message the caller had
-- stored already (userMessageId) and the caller's internal token (short-lived; cleared when the run ends)
alter table runs add column user_message_id uuid;
alter table runs add column caller_authorization text;
-- runs active when this migration runs were started by a replica without leases: swept once the lease times out
update runs set heartbeat_at = now() where status in ('queued', 'in_progress');
create index runs_active_heartbeat on runs (heartbeat_at) where status in ('queued', 'in_progress');
