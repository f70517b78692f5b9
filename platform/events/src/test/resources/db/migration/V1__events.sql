-- the tables of platform/events/README.md, as each service creates them
create table outbox_events (
    id           bigserial   primary key,
    event_id     uuid        not null,
    topic        text        not null,
    record_key   text        not null,
    payload      text        not null,
    created_at   timestamptz not null,
    published_at timestamptz,
    constraint outbox_events_event_id_key unique (event_id)
);
create index outbox_events_unpublished_idx on outbox_events (id) where published_at is null;

create table processed_events (
    event_id     text primary key,
    processed_at timestamptz not null
);
