package org.duban.localstack;

import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's command line, checked before anything runs: {@code up [name...]}, {@code down},
 * {@code status}, {@code logs <name>}, {@code import <file>}, {@code reset-keycloak},
 * {@code bench <name> [-Dkey=value...]}, {@code help}.
 */
record CommandLine(String command, List<String> arguments) {

    static final List<String> BENCHMARKS = List.of("resolver", "units", "assignments", "list-sql", "events", "reminders",
            "gateway", "grow", "startup", "peer", "all");
    static final String BENCH_USAGE = "usage: ./duban bench <resolver|units|assignments|list-sql|events|reminders|gateway|startup|peer|all> [-Dname=value...]";
    static final String IMPORT_USAGE = "usage: ./duban import <file.txt|file.docx|file.xlsx>";
    static final String LOGS_USAGE = "usage: ./duban logs <name>  (names: " + Component.names() + ")";

    /** Parses the arguments; a {@link LauncherException} says what is wrong, in the words of the usage. */
    static CommandLine parse(String... args) {
        if (args.length == 0) {
            return new CommandLine("help", List.of());
        }
        String command = args[0];
        List<String> rest = List.of(args).subList(1, args.length);
        switch (command) {
            case "help", "-h", "--help" -> {
                return new CommandLine("help", List.of());
            }
            case "up" -> {
                for (String name : rest) {
                    component(name);
                }
                return new CommandLine(command, rest);
            }
            case "down", "status", "reset-keycloak" -> {
                if (!rest.isEmpty()) {
                    throw new LauncherException("'" + command + "' takes no arguments (got: " + String.join(" ", rest) + ")");
                }
                return new CommandLine(command, rest);
            }
            case "logs" -> {
                if (rest.size() != 1) {
                    throw new LauncherException(LOGS_USAGE);
                }
                component(rest.get(0));
                return new CommandLine(command, rest);
            }
            case "import" -> {
                if (rest.size() != 1 || rest.get(0).isBlank()) {
                    throw new LauncherException(IMPORT_USAGE);
                }
                return new CommandLine(command, rest);
            }
            case "bench" -> {
                if (rest.isEmpty()) {
                    throw new LauncherException(BENCH_USAGE);
                }
                if (!BENCHMARKS.contains(rest.get(0))) {
                    throw new LauncherException("unknown benchmark '" + rest.get(0) + "'; " + BENCH_USAGE);
                }
                List<String> options = new ArrayList<>(rest.subList(1, rest.size()));
                for (String option : options) {
                    if (!option.startsWith("-D") || !option.contains("=")) {
                        throw new LauncherException("benchmark options are -Dname=value, not '" + option + "'; " + BENCH_USAGE);
                    }
                }
                return new CommandLine(command, rest);
            }
            default -> throw new LauncherException("unknown command '" + command + "' (./duban help lists them)");
        }
    }

    static Component component(String name) {
        return Component.named(name).orElseThrow(() ->
                new LauncherException("unknown name '" + name + "' (names: " + Component.names() + ")"));
    }

    /** The components of {@code up [name...]}: all without names; a service brings PostgreSQL, Kafka and Keycloak. */
    List<Component> wanted() {
        List<Component> named = arguments.stream().map(CommandLine::component).toList();
        boolean aService = named.stream().anyMatch(Component::isService);
        List<Component> wanted = new ArrayList<>();
        for (Component c : Component.values()) {
            if (named.isEmpty() || named.contains(c) || (aService && Component.INFRASTRUCTURE.contains(c))) {
                wanted.add(c);
            }
        }
        return wanted;
    }
}
