-- seed 004: a message's HTML body, client metadata, attachments and tool calls (JSON, null = none)
alter table messages
    add column content_html text,
    add column metadata     jsonb,
    add column attachments  jsonb,
    add column tool_calls   jsonb;

-- seed 004: one feedback per user per assistant message; giving it again updates it
create table message_feedback (
    id               uuid primary key,
    org_id           text        not null,
    user_id          text        not null,
    thread_id        text        not null references threads (id) on delete cascade,
    message_id       uuid        not null references messages (id) on delete cascade,
    -- the user message the assistant message answered, and the run that wrote it (null if unknown)
    human_message_id uuid,
    run_id           uuid,
    feedback_type    text        not null,
    issue_type       text,
    comment          text,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    unique (message_id, user_id)
);
