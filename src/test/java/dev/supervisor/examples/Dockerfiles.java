package dev.supervisor.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The instructions of a Dockerfile, continuation lines joined, comments dropped: enough to check its contract. */
record Dockerfiles(Path file, List<Instruction> instructions) {
    static final List<String> EXAMPLES = List.of("Dockerfile.example", "Dockerfile.jvm.example",
            "examples/rails-on-ecs/Dockerfile");

    record Instruction(String keyword, String arguments, int line) {}

    static Dockerfiles parse(Path file) throws IOException {
        List<Instruction> out = new ArrayList<>();
        StringBuilder current = null;
        int start = 0;
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.stripLeading().startsWith("#")) continue;
            if (current == null) {
                if (line.isBlank()) continue;
                current = new StringBuilder();
                start = i + 1;
            }
            boolean continues = line.endsWith("\\");
            // Kept as backslash-newline: the same command for a shell, and shellcheck's line numbers stay readable.
            current.append(line).append('\n');
            if (!continues) {
                String text = current.toString().strip();
                int space = text.indexOf(' ');
                out.add(new Instruction(text.substring(0, space).toUpperCase(), text.substring(space + 1).strip(), start));
                current = null;
            }
        }
        return new Dockerfiles(file, out);
    }

    /** The instructions of the last stage: what the image that runs actually has. */
    List<Instruction> finalStage() {
        int from = 0;
        for (int i = 0; i < instructions.size(); i++) if (instructions.get(i).keyword().equals("FROM")) from = i;
        return instructions.subList(from, instructions.size());
    }

    List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }
}
