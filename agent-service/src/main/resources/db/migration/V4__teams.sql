-- teams of agents (issue 10: moved here from the gateway's database, which hands its rows over through
-- PUT /internal/teams/{id} keeping id, org and timestamps). Members are agent UUIDs, in order.
create table teams (
    id               uuid primary key,
    org_id           text        not null,
    name             text        not null,
    agent_ids        uuid[]      not null,
    summarizer_model text,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);
create index teams_org_created on teams (org_id, created_at, id);
