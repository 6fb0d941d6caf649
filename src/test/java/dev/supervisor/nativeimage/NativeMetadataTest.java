package dev.supervisor.nativeimage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.jna.Library;
import com.sun.jna.Structure;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No GraalVM here, so the native image's metadata is checked statically: what our code reaches through
 * JNA proxies, JNI and picocli's reflection must be declared, and everything declared must exist.
 */
class NativeMetadataTest {
    static final Path NATIVE_DIR = Path.of(System.getProperty("user.dir"), "native");
    static final Path PICOCLI_GENERATED = CompiledClasses.directory()
            .resolve("META-INF/native-image/picocli-generated/dev.supervisor/supervisor/reflect-config.json");

    private static JsonNode metadata() throws IOException {
        return new ObjectMapper().readTree(NATIVE_DIR.resolve("reachability-metadata.json").toFile());
    }

    private static Set<String> reflectionTypes(JsonNode metadata) {
        Set<String> types = new HashSet<>();
        metadata.path("reflection").forEach(e -> { if (e.path("type").isTextual()) types.add(e.path("type").asText()); });
        return types;
    }

    private static Set<List<String>> proxies(JsonNode metadata) {
        Set<List<String>> out = new HashSet<>();
        metadata.path("reflection").forEach(e -> {
            JsonNode proxy = e.path("type").path("proxy");
            if (proxy.isArray()) {
                List<String> interfaces = new ArrayList<>();
                proxy.forEach(i -> interfaces.add(i.asText()));
                out.add(interfaces);
            }
        });
        return out;
    }

    @Test
    void everyJnaLibraryInterfaceIsDeclaredAsAProxyAndForReflection() throws IOException {
        JsonNode metadata = metadata();
        List<Class<?>> libraries = CompiledClasses.all().stream()
                .filter(c -> c.isInterface() && Library.class.isAssignableFrom(c)).toList();
        assertTrue(libraries.stream().anyMatch(c -> c.getName().equals("dev.supervisor.process.LibC")),
                "the scan finds LibC, so an empty result below would mean something");
        for (Class<?> library : libraries) {
            assertTrue(proxies(metadata).contains(List.of(library.getName())), "no proxy entry for " + library.getName());
            assertTrue(reflectionTypes(metadata).contains(library.getName()), "no reflection entry for " + library.getName());
        }
    }

    @Test
    void everyJnaStructureHasItsFieldsAndConstructorsDeclared() throws IOException {
        JsonNode metadata = metadata();
        for (Class<?> structure : CompiledClasses.all().stream().filter(Structure.class::isAssignableFrom).toList()) {
            JsonNode entry = entryFor(metadata, structure.getName());
            assertTrue(entry != null, "Structure " + structure.getName() + " is not in native/reachability-metadata.json");
            Set<String> declared = new HashSet<>();
            entry.path("fields").forEach(f -> declared.add(f.path("name").asText()));
            for (Field field : structure.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) continue;
                assertTrue(entry.path("allDeclaredFields").asBoolean() || declared.contains(field.getName()),
                        structure.getName() + "." + field.getName() + " is read by JNA reflectively but not declared");
            }
            assertTrue(entry.path("allDeclaredConstructors").asBoolean() || entry.path("allPublicConstructors").asBoolean(),
                    structure.getName() + ": JNA instantiates structures reflectively");
        }
    }

    @Test
    void everyPicocliCommandIsInTheGeneratedMetadata() throws IOException {
        assertTrue(Files.exists(PICOCLI_GENERATED), "picocli-codegen did not run (annotation processor in pom.xml): "
                + PICOCLI_GENERATED);
        Set<String> generated = new HashSet<>();
        new ObjectMapper().readTree(PICOCLI_GENERATED.toFile()).forEach(e -> generated.add(e.path("name").asText()));
        List<Class<?>> picocliClasses = CompiledClasses.all().stream().filter(NativeMetadataTest::usesPicocli).toList();
        assertTrue(picocliClasses.size() >= 5, "found the commands: " + picocliClasses);
        for (Class<?> c : picocliClasses) {
            assertTrue(generated.contains(c.getName()), c.getName() + " is missing from " + PICOCLI_GENERATED);
        }
    }

    private static boolean usesPicocli(Class<?> c) {
        if (c.isAnnotationPresent(CommandLine.Command.class)) return true;
        Stream<AnnotatedElement> members = Stream.concat(Arrays.stream(c.getDeclaredFields()), Arrays.stream(c.getDeclaredMethods()));
        return members.anyMatch(m -> m.isAnnotationPresent(CommandLine.Option.class) || m.isAnnotationPresent(CommandLine.Parameters.class)
                || m.isAnnotationPresent(CommandLine.Mixin.class) || m.isAnnotationPresent(CommandLine.Command.class));
    }

    @Test
    void everyClassMemberAndParameterTypeNamedInTheMetadataExists() throws IOException {
        JsonNode metadata = metadata();
        List<String> missing = new ArrayList<>();
        for (JsonNode entry : metadata.path("reflection")) {
            JsonNode type = entry.path("type");
            if (type.path("proxy").isArray()) {
                type.path("proxy").forEach(i -> { if (!exists(i.asText())) missing.add("proxy " + i.asText()); });
                continue;
            }
            String name = type.asText();
            if (!exists(name)) {
                missing.add(name);
                continue;
            }
            Class<?> c = CompiledClasses.load(name);
            entry.path("fields").forEach(f -> {
                if (!hasField(c, f.path("name").asText())) missing.add(name + "." + f.path("name").asText());
            });
            entry.path("methods").forEach(m -> {
                List<Class<?>> params = new ArrayList<>();
                m.path("parameterTypes").forEach(p -> params.add(typeNamed(p.asText())));
                if (!hasMethod(c, m.path("name").asText(), params.toArray(Class<?>[]::new))) {
                    missing.add(name + "." + m.path("name").asText() + params);
                }
            });
            String condition = entry.path("condition").path("typeReached").asText(null);
            if (condition != null && !exists(condition)) missing.add("condition " + condition);
        }
        assertEquals(List.of(), missing, "named in native/reachability-metadata.json but not on the class path");
    }

    @Test
    void everyResourceGlobMatchesSomethingOnTheClassPath() throws IOException {
        for (JsonNode r : metadata().path("resources")) {
            String glob = r.path("glob").asText();
            assertTrue(ClassPathResources.anyMatches(glob), "nothing on the class path matches " + glob);
        }
    }

    @Test
    void entriesUseOnlyKeysOfTheMetadataSchema() throws IOException {
        Set<String> top = Set.of("comment", "reflection", "resources", "foreign");
        Set<String> reflection = Set.of("reason", "condition", "type", "methods", "fields", "allDeclaredMethods",
                "allDeclaredFields", "allDeclaredConstructors", "allPublicMethods", "allPublicFields",
                "allPublicConstructors", "unsafeAllocated", "serializable", "jniAccessible");
        Set<String> resource = Set.of("reason", "condition", "module", "glob", "bundle");
        JsonNode metadata = metadata();
        metadata.fieldNames().forEachRemaining(k -> assertTrue(top.contains(k), "top-level key " + k));
        metadata.path("reflection").forEach(e -> e.fieldNames().forEachRemaining(k ->
                assertTrue(reflection.contains(k), "reflection key " + k + " in " + e.path("type"))));
        metadata.path("resources").forEach(e -> e.fieldNames().forEachRemaining(k ->
                assertTrue(resource.contains(k), "resource key " + k)));
    }

    private static JsonNode entryFor(JsonNode metadata, String type) {
        for (JsonNode e : metadata.path("reflection")) if (e.path("type").asText("").equals(type)) return e;
        return null;
    }

    private static boolean exists(String name) {
        try {
            Class.forName(name, false, NativeMetadataTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static Class<?> typeNamed(String name) {
        if (name.endsWith("[]")) return typeNamed(name.substring(0, name.length() - 2)).arrayType();
        return switch (name) {
            case "boolean" -> boolean.class;
            case "byte" -> byte.class;
            case "char" -> char.class;
            case "short" -> short.class;
            case "int" -> int.class;
            case "long" -> long.class;
            case "float" -> float.class;
            case "double" -> double.class;
            default -> CompiledClasses.load(name);
        };
    }

    private static boolean hasField(Class<?> c, String name) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            try {
                k.getDeclaredField(name);
                return true;
            } catch (NoSuchFieldException ignored) {
                // try the superclass
            }
        }
        return false;
    }

    private static boolean hasMethod(Class<?> c, String name, Class<?>[] params) {
        try {
            if (name.equals("<init>")) c.getDeclaredConstructor(params);
            else c.getDeclaredMethod(name, params);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
