-- seed 002: files uploaded by a caller, attachable to the first message of a thread they create
create table files (
    id           text primary key,
    org_id       text        not null,
    user_id      text        not null,
    filename     text        not null,
    content_type text        not null,
    size         bigint      not null,
    sha256       text        not null,
    created_at   timestamptz not null
);
create index files_org_user on files (org_id, user_id, created_at desc);

-- the bytes, apart from the metadata so that reading metadata never loads them
create table file_contents (
    file_id text primary key references files (id) on delete cascade,
    content bytea not null
);

-- files attached to a message, in the order the client listed them
create table message_files (
    message_id uuid not null references messages (id) on delete cascade,
    file_id    text not null references files (id),
    position   integer not null,
    primary key (message_id, file_id)
);

-- how a thread came to be (seed 002): the client's reference, the user it acts for, the channel
create table thread_origins (
    thread_id           text primary key references threads (id) on delete cascade,
    source              text not null,
    client_external_ref text,
    attributed_user_id  text
);

-- Idempotency-Key records, per caller (org + user); a key is kept at least switchboard.idempotency.retention
create table idempotency_keys (
    org_id          text        not null,
    user_id         text        not null,
    key             text        not null,
    claim_id        uuid        not null unique,
    request_hash    text        not null,
    state           text        not null check (state in ('processing', 'completed')),
    response_status integer,
    response_body   text,
    created_at      timestamptz not null,
    completed_at    timestamptz,
    primary key (org_id, user_id, key)
);
create index idempotency_keys_created on idempotency_keys (created_at);
