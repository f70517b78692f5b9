package dev.switchboard.thread.repository;

import dev.switchboard.thread.StoredFile;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** File metadata, always read for its uploader (org + user), and the files attached to messages. */
@ApplicationScoped
@WithSession
public class FileRepository implements PanacheRepositoryBase<StoredFile, String> {

    public Uni<StoredFile> findInOrg(String orgId, String id) {
        return find("orgId = ?1 and id = ?2", orgId, id).firstResult();
    }

    public Uni<List<StoredFile>> findOwned(String orgId, String userId, Collection<String> ids) {
        return find("orgId = ?1 and userId = ?2 and id in ?3", orgId, userId, ids)
                .list();
    }

    /** Attaches the files to the message in the given order. */
    public Uni<Void> attach(UUID messageId, List<String> fileIds) {
        if (fileIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return NativeSql.update(
                        "insert into message_files (message_id, file_id, position) "
                                + "select ?1, f.id, f.position - 1 from unnest(cast(?2 as text[])) with ordinality as f(id, position)",
                        messageId,
                        fileIds.toArray(String[]::new))
                .replaceWithVoid();
    }
}
