package org.duban.unit.transfer;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.duban.platform.api.Problem;
import org.duban.platform.api.ProblemException;
import org.duban.tables.Table;
import org.duban.unit.registry.UnitRequest;
import org.duban.unit.registry.UnitScope;
import org.duban.unit.registry.UnitService;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bulk maintenance from the office's spreadsheet: every row is validated and applied in one
 * transaction, upserting by code. If any row is wrong nothing is stored and every error is
 * reported with its line; a dry run reports what would change and stores nothing.
 */
@ApplicationScoped
public class UnitImportService {

    private static final Logger LOG = Logger.getLogger(UnitImportService.class);
    public static final int MAX_ROWS = 20_000;

    private final UnitService units;
    private final Validator validator;
    private final TransactionManager transactions;
    private final EntityManager em;

    UnitImportService(UnitService units, Validator validator, TransactionManager transactions, EntityManager em) {
        this.units = units;
        this.validator = validator;
        this.transactions = transactions;
        this.em = em;
    }

    /** What an import did, or would do on a dry run. */
    public record Report(boolean dryRun, int created, int updated, int unchanged, List<RowResult> rows) {
    }

    public record RowResult(int line, String code, UnitService.Upsert action) {
    }

    @Transactional
    @TransactionConfiguration(timeout = 900)
    public Report importTable(Table table, boolean dryRun, String actor) {
        return importTable(table, dryRun, actor, UnitScope.ALL);
    }

    /**
     * As {@link #importTable(Table, boolean, String)}; for a unit-admin ({@code scope}) every row must stay under its
     * own unit — checked before anything is applied: one row outside and the whole file is refused (403, every such
     * row named), nothing stored.
     */
    @Transactional
    @TransactionConfiguration(timeout = 900)
    public Report importTable(Table table, boolean dryRun, String actor, UnitScope scope) {
        List<String> headerProblems = new ArrayList<>();
        List<UnitSheet.Row> rows = UnitSheet.rows(table, headerProblems);
        if (!headerProblems.isEmpty()) {
            throw ProblemException.unprocessable("unit-import", String.join("; ", headerProblems), null);
        }
        if (rows.isEmpty()) {
            throw ProblemException.unprocessable("unit-import", "The file has a header but no units", null);
        }
        if (rows.size() > MAX_ROWS) {
            throw tooManyRows(rows.size());
        }
        if (!scope.everything()) {
            requireWithin(scope, rows);
        }
        long started = System.nanoTime();
        List<Problem.FieldError> errors = new ArrayList<>();
        List<RowResult> results = new ArrayList<>();
        Map<String, Integer> seenCodes = new HashMap<>();
        // parents first, so that a file may add a city and its counties together
        Map<String, String> parents = new HashMap<>();
        rows.forEach(r -> {
            if (r.get("code") != null) {
                parents.put(r.get("code"), r.get("parentCode"));
            }
        });
        List<UnitSheet.Row> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparingInt(row -> depth(row.get("parentCode"), parents)));
        int applied = 0;
        for (UnitSheet.Row row : ordered) {
            if (++applied % 200 == 0) {
                // keep the session small: a flush dirty-checks every entity it holds
                em.flush();
                em.clear();
            }
            String at = "line " + row.line();
            UnitRequest request = UnitSheet.toRequest(row);
            List<Problem.FieldError> rowErrors = new ArrayList<>(rowShapeErrors(row, at));
            for (ConstraintViolation<UnitRequest> violation : validator.validate(request)) {
                rowErrors.add(new Problem.FieldError(at + ": " + violation.getPropertyPath(), violation.getMessage()));
            }
            if (request.code() == null) {
                rowErrors.add(new Problem.FieldError(at + ": code", "must not be empty"));
            } else if (seenCodes.putIfAbsent(request.code(), row.line()) != null) {
                rowErrors.add(new Problem.FieldError(at + ": code", "repeats line " + seenCodes.get(request.code())));
            }
            if (!rowErrors.isEmpty()) {
                errors.addAll(rowErrors);
                continue;
            }
            try {
                UnitService.Upsert action = units.upsert(request, !"false".equalsIgnoreCase(row.get("active")), actor);
                results.add(new RowResult(row.line(), request.code(), action));
            } catch (ProblemException e) {
                if (e.problem().errors() != null) {
                    e.problem().errors().forEach(err -> errors.add(new Problem.FieldError(at + ": " + err.field(), err.message())));
                } else {
                    errors.add(new Problem.FieldError(at, e.problem().detail()));
                }
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(UnitImportService::lineOf));
            throw ProblemException.unprocessable("unit-import",
                    errors.size() + " problem(s) in the file; nothing was imported", errors);
        }
        results.sort(Comparator.comparingInt(RowResult::line));
        Report report = new Report(dryRun, count(results, UnitService.Upsert.CREATED),
                count(results, UnitService.Upsert.UPDATED), count(results, UnitService.Upsert.UNCHANGED), results);
        if (dryRun) {
            try {
                transactions.setRollbackOnly();
            } catch (SystemException e) {
                throw new IllegalStateException(e);
            }
        }
        LOG.infof("Unit import by %s%s: %d rows, %d created, %d updated, %d unchanged in %d ms", actor,
                dryRun ? " (dry run)" : "", rows.size(), report.created(), report.updated(), report.unchanged(),
                (System.nanoTime() - started) / 1_000_000);
        return report;
    }

    /**
     * Every row of a unit-admin's file: an existing unit must lie under its own unit now, and its parent (in the file or
     * the registry) must be its own unit or under it; its own unit may appear only where it stands, active.
     */
    private void requireWithin(UnitScope scope, List<UnitSheet.Row> rows) {
        Map<String, String> stored = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> tree = em.createNativeQuery("SELECT code, parent_code FROM unit").getResultList();
        tree.forEach(r -> stored.put((String) r[0], (String) r[1]));
        // a new unit may stand under another new unit of the file; an existing unit's move is judged on its own row
        Map<String, String> after = new HashMap<>(stored);
        rows.forEach(r -> {
            if (r.get("code") != null && !stored.containsKey(r.get("code"))) {
                after.put(r.get("code"), r.get("parentCode"));
            }
        });
        List<Problem.FieldError> outside = new ArrayList<>();
        for (UnitSheet.Row row : rows) {
            String code = row.get("code");
            String parent = row.get("parentCode");
            String at = "line " + row.line();
            if (code == null) {
                continue; // reported with the other row errors
            }
            if (code.equals(scope.root())) {
                if (!java.util.Objects.equals(parent, stored.get(code)) || "false".equalsIgnoreCase(row.get("active"))) {
                    outside.add(new Problem.FieldError(at + ": parentCode",
                            "your own unit " + code + " can only be moved or deactivated by the office"));
                }
            } else if (stored.containsKey(code) && !scope.covers(code, stored::get)) {
                outside.add(new Problem.FieldError(at + ": code", code + " is not under " + scope.root()));
            } else if (parent == null || !scope.covers(parent, after::get)) {
                outside.add(new Problem.FieldError(at + ": parentCode",
                        (parent == null ? "empty" : parent) + " is neither " + scope.root() + " nor a unit under it"));
            }
        }
        if (!outside.isEmpty()) {
            throw new ProblemException(403, "outside-own-units", "Forbidden", outside.size() + " row(s) lie outside the units of "
                    + scope.root() + "; nothing was imported（只能导入本单位下属的单位）", outside);
        }
    }

    static ProblemException tooManyRows(int rows) {
        return ProblemException.unprocessable("unit-import", "At most " + MAX_ROWS + " units per file; this one has " + rows, null);
    }

    private static List<Problem.FieldError> rowShapeErrors(UnitSheet.Row row, String at) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (row.get("level") != null && UnitSheet.enumOrNull(org.duban.unit.registry.UnitLevel.class, row.get("level")) == null) {
            errors.add(new Problem.FieldError(at + ": level", "must be PROVINCE, CITY or COUNTY"));
        }
        if (row.get("type") != null && UnitSheet.enumOrNull(org.duban.unit.registry.UnitType.class, row.get("type")) == null) {
            errors.add(new Problem.FieldError(at + ": type", "must be GOVERNMENT, DEPARTMENT, AGENCY or OTHER"));
        }
        String active = row.get("active");
        if (active != null && !active.equalsIgnoreCase("true") && !active.equalsIgnoreCase("false")) {
            errors.add(new Problem.FieldError(at + ": active", "must be true or false"));
        }
        return errors;
    }

    /** How many of the file's own rows stand above a row with this parent (0 when it is not in the file). */
    private static int depth(String parent, Map<String, String> parents) {
        int depth = 0;
        while (parent != null && parents.containsKey(parent) && depth < 10) {
            parent = parents.get(parent);
            depth++;
        }
        return depth;
    }

    private static int lineOf(Problem.FieldError error) {
        String digits = error.field().replaceAll("^line (\\d+).*$", "$1");
        return digits.chars().allMatch(Character::isDigit) ? Integer.parseInt(digits) : 0;
    }

    private static int count(List<RowResult> results, UnitService.Upsert action) {
        return (int) results.stream().filter(r -> r.action() == action).count();
    }
}
