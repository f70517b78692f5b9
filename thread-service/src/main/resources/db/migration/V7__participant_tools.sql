-- seed 001 at scale, all filters at once: the participant index also carries the names of the tools that ran in
-- the thread, so userId + toolName (+ timeframe) is one index-only range of thread_participants, filtered as it
-- is read, instead of one probe of the tool-usage key per participant row.
alter table thread_participants add column tool_names text[] not null default '{}';

update thread_participants p set tool_names = u.names
from (select thread_id, array_agg(tool_name order by tool_name) as names
      from thread_tool_usage group by thread_id) u
where u.thread_id = p.thread_id;

drop index thread_participants_org_user_updated;
create index thread_participants_org_user_updated
    on thread_participants (org_id, user_id, updated_at desc, thread_id desc) include (tool_names);

-- a new participant starts with the tools that already ran in the thread
create or replace function threads_sync_participants() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' or new.user_ids is distinct from old.user_ids then
        delete from thread_participants p
        where p.thread_id = new.id and not (p.user_id = any (new.user_ids));
        insert into thread_participants (thread_id, user_id, org_id, updated_at, tool_names)
        select distinct new.id, u.user_id, new.org_id, new.updated_at,
               array(select tool_name from thread_tool_usage where thread_id = new.id order by tool_name)
        from unnest(new.user_ids) as u(user_id)
        on conflict (thread_id, user_id) do update set updated_at = excluded.updated_at;
    elsif new.updated_at is distinct from old.updated_at then
        update thread_participants set updated_at = new.updated_at where thread_id = new.id;
    end if;
    return null;
end;
$$;

-- a tool that runs in a thread for the first time is added to every participant's row. The thread's row is
-- locked first: a participant added concurrently (under that same lock, by the trigger above) is either
-- committed and updated here, or not yet inserted and then reads this tool from thread_tool_usage itself.
create function thread_tool_usage_sync_participants() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform 1 from threads where id = new.thread_id for no key update;
        update thread_participants set tool_names = tool_names || new.tool_name
        where thread_id = new.thread_id and not (new.tool_name = any (tool_names));
    else
        update thread_participants set tool_names = array_remove(tool_names, old.tool_name)
        where thread_id = old.thread_id and old.tool_name = any (tool_names);
    end if;
    return null;
end;
$$;

create trigger thread_tool_usage_sync_participants
    after insert or delete on thread_tool_usage
    for each row execute function thread_tool_usage_sync_participants();
