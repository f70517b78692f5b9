-- seed 003: what each user has read of their conversations (assistant messages up to last_read_seq)
create table read_marks (
    org_id        text   not null,
    user_id       text   not null,
    thread_id     text   not null references threads (id) on delete cascade,
    last_read_seq bigint not null,
    primary key (org_id, user_id, thread_id)
);

-- a user's conversations with an agent, newest activity first
create index threads_org_agent_creator_updated on threads (org_id, agent_id, created_by, updated_at desc, id desc);
