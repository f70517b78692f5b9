package dev.switchboard.thread;

/** The title a thread gets from its first user message until it is renamed. */
public final class ThreadTitles {

    private ThreadTitles() {}

    /** Whitespace collapsed, then cut to {@code max} characters at a word boundary when there is one. */
    public static String fromFirstMessage(String message, int max) {
        if (message == null) {
            return null;
        }
        String flat = message.strip().replaceAll("\\s+", " ");
        if (flat.isEmpty()) {
            return null;
        }
        if (flat.codePointCount(0, flat.length()) <= max) {
            return flat;
        }
        String cut = flat.substring(0, flat.offsetByCodePoints(0, max - 1));
        int space = cut.lastIndexOf(' ');
        if (space >= max / 2) {
            cut = cut.substring(0, space);
        }
        return cut.stripTrailing() + "…";
    }
}
