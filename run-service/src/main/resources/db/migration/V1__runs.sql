-- Runs: one model invocation on a thread, owned by run-service.
create table runs (
    id               uuid primary key,
    org_id           text        not null,
    user_id          text        not null,
    agent_id         uuid        not null,
    agent_numeric_id bigint      not null,
    agent_name       text        not null,
    agent_handle     text,
    thread_id        text        not null,
    status           text        not null check (status in ('in_progress', 'completed', 'failed')),
    model            text        not null,
    provider         text        not null,
    input            text        not null,
    output           text,
    error            text,
    input_tokens     integer,
    output_tokens    integer,
    created_at       timestamptz not null,
    started_at       timestamptz not null,
    completed_at     timestamptz,
    updated_at       timestamptz not null
);

create index runs_org_thread_idx on runs (org_id, thread_id, created_at);

-- Transactional outbox: written in the same transaction as the run change, published by the OutboxRelay.
create table outbox_events (
    id           bigserial primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    record_key   text        not null,
    payload      text        not null,
    created_at   timestamptz not null,
    published_at timestamptz
);

create index outbox_events_unpublished_idx on outbox_events (id) where published_at is null;
