-- seed 001: list conversations newest-updated first, filtered by agent, participant, tool and recency,
-- paged by keyset (updated_at, id)
create index threads_org_agent_num_updated on threads (org_id, agent_numeric_id, updated_at desc, id desc);
create index threads_user_ids on threads using gin (user_ids);

-- which tools ran in a thread and how often; written by the ThreadSummaryProjector from run events,
-- so listing by tool never reads message bodies
create table thread_tool_usage (
    thread_id    text        not null references threads (id) on delete cascade,
    tool_name    text        not null,
    org_id       text        not null,
    call_count   integer     not null,
    last_used_at timestamptz not null,
    primary key (thread_id, tool_name)
);
create index thread_tool_usage_org_tool on thread_tool_usage (org_id, tool_name, thread_id);
