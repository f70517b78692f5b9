package dev.switchboard.thread.service;

import io.smallrye.mutiny.Multi;
import java.util.ArrayList;
import java.util.List;

/**
 * Regroups bytes as they arrive (in pieces of any size) into chunks of exactly {@code size} bytes, the last one
 * shorter: at most one chunk is held while it fills. Demand passes through, so the source is read no faster than
 * the chunks are consumed.
 */
final class Rechunker {

    private final int size;
    private byte[] filling;
    private int filled;

    private Rechunker(int size) {
        this.size = size;
        this.filling = new byte[size];
    }

    static Multi<byte[]> chunks(Multi<byte[]> arriving, int size) {
        return Multi.createFrom().deferred(() -> {
            Rechunker chunker = new Rechunker(size);
            return arriving.onItem()
                    .transformToIterable(chunker::add)
                    .onCompletion()
                    .switchTo(() -> Multi.createFrom().iterable(chunker.rest()));
        });
    }

    private List<byte[]> add(byte[] bytes) {
        List<byte[]> full = new ArrayList<>(1);
        int offset = 0;
        while (offset < bytes.length) {
            int n = Math.min(size - filled, bytes.length - offset);
            System.arraycopy(bytes, offset, filling, filled, n);
            filled += n;
            offset += n;
            if (filled == size) {
                full.add(filling);
                filling = new byte[size];
                filled = 0;
            }
        }
        return full;
    }

    private List<byte[]> rest() {
        if (filled == 0) {
            return List.of();
        }
        byte[] last = new byte[filled];
        System.arraycopy(filling, 0, last, 0, filled);
        return List.of(last);
    }
}
