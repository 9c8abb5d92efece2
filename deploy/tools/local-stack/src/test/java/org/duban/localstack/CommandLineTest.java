package org.duban.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CommandLineTest {

    @Test
    void noArgumentsAndTheUsualSpellingsAreHelp() {
        for (String[] args : List.of(new String[0], new String[]{"help"}, new String[]{"-h"}, new String[]{"--help"})) {
            assertEquals("help", CommandLine.parse(args).command());
        }
    }

    @Test
    void upWithoutNamesWantsEverythingInStartOrder() {
        assertEquals(List.of(Component.values()), CommandLine.parse("up").wanted());
    }

    @Test
    void upOfAServiceBringsTheInfrastructureButNotTheOtherServices() {
        assertEquals(List.of(Component.POSTGRES, Component.KAFKA, Component.KEYCLOAK, Component.TASK_SERVICE),
                CommandLine.parse("up", "task-service").wanted());
    }

    @Test
    void upOfInfrastructureOnlyStartsThat() {
        assertEquals(List.of(Component.POSTGRES, Component.KAFKA), CommandLine.parse("up", "kafka", "postgres").wanted());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "up nope => unknown name 'nope' (names: postgres kafka keycloak unit-service task-service reminder-service gateway)",
            "frob => unknown command 'frob' (./duban help lists them)",
            "logs => usage: ./duban logs <name>  (names: postgres kafka keycloak unit-service task-service reminder-service gateway)",
            "logs kafka postgres => usage: ./duban logs <name>  (names: postgres kafka keycloak unit-service task-service reminder-service gateway)",
            "logs zookeeper => unknown name 'zookeeper' (names: postgres kafka keycloak unit-service task-service reminder-service gateway)",
            "import => usage: ./duban import <file.txt|file.docx|file.xlsx>",
            "import a.txt b.txt => usage: ./duban import <file.txt|file.docx|file.xlsx>",
            "bench => usage: ./duban bench <resolver|units|assignments|list-sql|events|reminders|gateway|startup|peer|all> [-Dname=value...]",
            "bench speed => unknown benchmark 'speed'; usage: ./duban bench <resolver|units|assignments|list-sql|events|reminders|gateway|startup|peer|all> [-Dname=value...]",
            "bench units 10000 => benchmark options are -Dname=value, not '10000'; usage: ./duban bench <resolver|units|assignments|list-sql|events|reminders|gateway|startup|peer|all> [-Dname=value...]",
            "down now => 'down' takes no arguments (got: now)",
            "status -v => 'status' takes no arguments (got: -v)",
    })
    void usageErrorsSayWhatIsWrong(String args, String message) {
        LauncherException e = assertThrows(LauncherException.class, () -> CommandLine.parse(args.split(" ")));
        assertEquals(message, e.getMessage());
    }

    @Test
    void benchKeepsItsOptionsForTheBenchmarkJvm() {
        CommandLine line = CommandLine.parse("bench", "units", "-Dunits=10000", "-Dseconds=20");
        assertEquals(List.of("units", "-Dunits=10000", "-Dseconds=20"), line.arguments());
    }

    @Test
    void logsAndImportTakeTheirOneArgument() {
        assertEquals(List.of("gateway"), CommandLine.parse("logs", "gateway").arguments());
        assertEquals(List.of("plan.docx"), CommandLine.parse("import", "plan.docx").arguments());
    }
}
