-- issue 4: the tool calls a run made (JSON array of {toolName, arguments, result, error, startTime, endTime})
-- and the name of the tool of each call, published in the run's events as toolsUsed
alter table runs add column tool_calls text;
alter table runs add column tools_used text[] not null default '{}';
