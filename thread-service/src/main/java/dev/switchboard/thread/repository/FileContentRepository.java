package dev.switchboard.thread.repository;

import dev.switchboard.thread.FileContent;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

/** The bytes of files, by file id; the caller checks ownership on the metadata first. */
@ApplicationScoped
@WithSession
public class FileContentRepository implements PanacheRepositoryBase<FileContent, String> {
}
