create table threads (
    id               text primary key,
    org_id           text        not null,
    agent_id         uuid        not null,
    agent_numeric_id bigint      not null,
    title            text,
    first_message    text,
    created_by       text        not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    message_count    integer     not null default 0,
    user_ids         text[]      not null default '{}'
);
create index threads_org_updated on threads (org_id, updated_at desc, id desc);
create index threads_org_agent_updated on threads (org_id, agent_id, updated_at desc, id desc);

create table messages (
    id         uuid primary key,
    seq        bigint generated always as identity,
    thread_id  text        not null references threads (id) on delete cascade,
    org_id     text        not null,
    role       text        not null check (role in ('user', 'assistant', 'system')),
    content    text        not null,
    user_id    text,
    run_id     uuid,
    created_at timestamptz not null
);
create index messages_thread_seq on messages (thread_id, seq);

-- the conversation a user continues with an agent when the client names none (seed 003)
create table current_threads (
    org_id    text not null,
    user_id   text not null,
    agent_id  uuid not null,
    -- deferred: a request claims the slot first and inserts the thread it names in the same transaction
    thread_id text not null references threads (id) on delete cascade deferrable initially deferred,
    primary key (org_id, user_id, agent_id)
);

-- run-events already projected, recorded in the same transaction as their effect
create table processed_events (
    event_id     text primary key,
    processed_at timestamptz not null
);
