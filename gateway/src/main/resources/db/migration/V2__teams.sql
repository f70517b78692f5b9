-- teams of agents (seed 003 /teams/:id/chat): the gateway orchestrates their members' runs
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
