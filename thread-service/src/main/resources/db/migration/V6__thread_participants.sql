-- seed 001 at scale: the participants of each thread with the thread's last activity, so a userId filter
-- (alone or with a timeframe) is a range of one btree index, in page order, instead of a GIN lookup
-- followed by a sort or a walk of every thread of the organisation.
create table thread_participants (
    thread_id  text        not null references threads (id) on delete cascade,
    user_id    text        not null,
    org_id     text        not null,
    updated_at timestamptz not null,
    primary key (thread_id, user_id)
);
create index thread_participants_org_user_updated
    on thread_participants (org_id, user_id, updated_at desc, thread_id desc);

insert into thread_participants (thread_id, user_id, org_id, updated_at)
select t.id, u.user_id, t.org_id, t.updated_at
from threads t cross join lateral unnest(t.user_ids) as u(user_id)
on conflict do nothing;

-- kept in step with threads.user_ids and threads.updated_at by the database itself, whichever code path
-- (summary projector, thread creation, rename) writes them
create function threads_sync_participants() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' or new.user_ids is distinct from old.user_ids then
        delete from thread_participants p
        where p.thread_id = new.id and not (p.user_id = any (new.user_ids));
        insert into thread_participants (thread_id, user_id, org_id, updated_at)
        select distinct new.id, u.user_id, new.org_id, new.updated_at
        from unnest(new.user_ids) as u(user_id)
        on conflict (thread_id, user_id) do update set updated_at = excluded.updated_at;
    elsif new.updated_at is distinct from old.updated_at then
        update thread_participants set updated_at = new.updated_at where thread_id = new.id;
    end if;
    return null;
end;
$$;

create trigger threads_sync_participants
    after insert or update of user_ids, updated_at on threads
    for each row execute function threads_sync_participants();
