-- API keys: personal access tokens (act as their user) and organisation service tokens (act as the org).
-- Only the SHA-256 of the secret is stored; lookup_prefix (the first characters of the secret, also shown to
-- the owner) finds the candidates, whose hashes are then compared in constant time.
create table api_keys (
    id            uuid primary key,
    org_id        text        not null,
    user_id       text        not null,
    kind          text        not null check (kind in ('personal', 'service')),
    name          text        not null,
    lookup_prefix text        not null,
    secret_hash   bytea       not null unique,
    created_at    timestamptz not null,
    last_used_at  timestamptz,
    revoked_at    timestamptz
);
create index api_keys_lookup on api_keys (lookup_prefix) where revoked_at is null;
create index api_keys_org on api_keys (org_id, created_at) where revoked_at is null;
