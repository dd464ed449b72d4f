package dev.quartermaster.quickstart;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The shell blocks of README.md, as a reader pastes them: the {@code ```sh} fenced blocks of one
 * {@code ## } section, in order and verbatim.
 */
record ReadmeScript(String section, List<Block> blocks) {

    /** A value the reader must replace, as the README marks it: {@code <your OpenAI key>}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("<[^<>\\s][^<>\\n]*>");

    record Block(int line, String text) {

        boolean hasPlaceholder() {
            return PLACEHOLDER.matcher(text).find();
        }
    }

    ReadmeScript {
        blocks = List.copyOf(blocks);
    }

    static ReadmeScript section(String readme, String heading) {
        List<String> lines = readme.lines().toList();
        int start = lines.indexOf("## " + heading);
        if (start < 0) {
            throw new IllegalArgumentException("README.md has no section '## " + heading + "'");
        }
        List<Block> blocks = new ArrayList<>();
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            if (lines.get(i).strip().equals("```sh")) {
                int first = i + 1;
                StringBuilder text = new StringBuilder();
                for (i = first; !lines.get(i).strip().equals("```"); i++) {
                    text.append(lines.get(i)).append('\n');
                }
                blocks.add(new Block(first + 1, text.toString()));
            }
        }
        return new ReadmeScript(heading, blocks);
    }

    /** The blocks a reader can run as they stand. */
    List<Block> runnable() {
        return blocks.stream().filter(block -> !block.hasPlaceholder()).toList();
    }

    /** The blocks as one script that says, before each, which README line it starts at. */
    String script() {
        StringBuilder script = new StringBuilder();
        for (Block block : runnable()) {
            script.append("echo '>>> README.md line ").append(block.line()).append(" (").append(section)
                    .append(")' >&2\n").append(block.text());
        }
        return script.toString();
    }
}
