-- issue 9: a personal key acts as its creator with the role the creator had when making it (admin or member);
-- keys made before roles existed act as members. A service key acts as the organisation.
alter table api_keys add column role text not null default 'member' check (role in ('admin', 'member'));
