-- issue 9: the bytes of a file in chunks of 256 KiB, written as an upload arrives and read back one at a time,
-- so that no file is ever held whole in memory. An upload writes its chunks first and its files row last (its
-- size and sha256 are known only then), in one transaction: the foreign key is checked at commit.
create table file_chunks (
    file_id text    not null,
    seq     integer not null,
    data    bytea   not null,
    primary key (file_id, seq),
    constraint file_chunks_file foreign key (file_id) references files (id) on delete cascade
        deferrable initially deferred
);

-- the files stored whole so far, cut into chunks of 256 KiB (262144 bytes)
insert into file_chunks (file_id, seq, data)
select c.file_id, s.seq, substring(c.content from s.seq * 262144 + 1 for 262144)
from file_contents c
cross join lateral generate_series(0, (length(c.content) - 1) / 262144) as s(seq);

drop table file_contents;
