-- issue 9: a run is identified by its organisation and its id. A client may choose a run's id (seed 003's run_id),
-- so the id is unique within the organisation only: another organisation using the same id neither collides with
-- it (no cross-organisation 409) nor learns that it exists.
alter table runs drop constraint runs_pkey;
alter table runs add primary key (org_id, id);

-- each run's stored stream belongs to the run of that organisation
alter table run_stream_events add column org_id text;
update run_stream_events e set org_id = r.org_id from runs r where r.id = e.run_id;
delete from run_stream_events where org_id is null;
alter table run_stream_events alter column org_id set not null;
alter table run_stream_events drop constraint run_stream_events_pkey;
alter table run_stream_events add primary key (org_id, run_id, seq);

-- a cancel requested before the run exists is the organisation's own: another organisation's request for the same
-- id neither takes its place nor stops its run; rows are deleted once used or after switchboard.runs.cancellation-retention
alter table run_cancellations drop constraint run_cancellations_pkey;
alter table run_cancellations add primary key (org_id, run_id);
create index run_cancellations_requested on run_cancellations (requested_at);
