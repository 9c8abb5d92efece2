package org.duban.unit.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.duban.events.UnitChanged;
import org.duban.platform.api.PageRequest;
import org.duban.platform.api.PageResponse;
import org.duban.platform.api.Problem;
import org.duban.platform.api.ProblemException;
import org.duban.platform.api.Versions;
import org.duban.platform.messaging.Outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The registry's use cases: every change is validated, recorded, and published through the outbox. */
@ApplicationScoped
public class UnitService {

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;
    private final ObjectMapper json;
    private final Event<UnitsChanged> changed;

    UnitService(EntityManager em, Outbox outbox, Clock clock, ObjectMapper json, Event<UnitsChanged> changed) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
        this.json = json;
        this.changed = changed;
    }

    @Transactional
    public UnitSnapshot get(String code) {
        return UnitSnapshot.of(find(code));
    }

    @Transactional
    public PageResponse<UnitSnapshot> search(UnitFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (filter.q() != null && !filter.q().isBlank()) {
            // one semi-join over the name index (trigram): official names, short names and aliases
            where.append(" and u.code in (select x.code from Unit x join x.names n where lower(n.name) like :q)");
            params.and("q", "%" + filter.q().trim().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.level() != null) {
            where.append(" and u.level = :level");
            params.and("level", filter.level());
        }
        if (filter.type() != null) {
            where.append(" and u.type = :type");
            params.and("type", filter.type());
        }
        if (filter.parentCode() != null) {
            where.append(" and u.parentCode = :parent");
            params.and("parent", filter.parentCode());
        }
        if (filter.active() != null) {
            where.append(" and u.active = :active");
            params.and("active", filter.active());
        }
        if (filter.externalSystem() != null) {
            where.append(" and exists (select 1 from Unit x join x.externalIds e where x = u and key(e) = :system and e = :externalId)");
            params.and("system", filter.externalSystem()).and("externalId", filter.externalId());
        }
        // Deferred join: the page's codes come from the (level, code) index alone, so a deep page does
        // not load and drop every row before it; then only those units are read.
        var codesQuery = em.createQuery("select u.code from Unit u where " + where + " order by u.level, u.code", String.class)
                .setFirstResult(page.offset()).setMaxResults(page.size);
        params.map().forEach(codesQuery::setParameter);
        List<String> codes = codesQuery.getResultList();
        java.util.Map<String, Unit> byCode = new java.util.HashMap<>();
        if (!codes.isEmpty()) {
            Unit.<Unit>list("code in ?1", codes).forEach(u -> byCode.put(u.code, u));
        }
        List<UnitSnapshot> items = codes.stream().map(byCode::get).filter(java.util.Objects::nonNull).map(UnitSnapshot::of).toList();
        long total = Unit.find("from Unit u where " + where, params).count();
        return new PageResponse<>(items, page.page, page.size, total);
    }

    @Transactional(dontRollbackOn = ProblemException.class)
    public UnitSnapshot create(UnitRequest request, String actor) {
        return create(request, actor, UnitScope.ALL);
    }

    /** Adds a unit; a unit-admin ({@code scope}) only under its own unit or a unit under it. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public UnitSnapshot create(UnitRequest request, String actor, UnitScope scope) {
        if (!scope.everything()) {
            String parent = blankToNull(request.parentCode());
            if (parent == null) {
                throw scope.outside("A unit-admin adds units under its own unit: parentCode is required");
            }
            if (Unit.findById(parent) != null && !scope.covers(parent, this::parentOf)) {
                throw scope.outside("parentCode " + parent + " is neither " + scope.root() + " nor a unit under it");
            }
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.code() == null) {
            errors.add(new Problem.FieldError("code", "must not be empty"));
        } else if (Unit.findById(request.code()) != null) {
            throw ProblemException.conflict("unit-exists", "A unit with code " + request.code() + " already exists");
        }
        validate(request.code(), request, errors);
        Unit unit = new Unit();
        unit.code = request.code();
        unit.createdAt = clock.instant();
        apply(unit, request, actor);
        unit.persist();
        em.flush();
        return record(unit, UnitChange.Action.CREATED, null, actor);
    }

    @Transactional
    public UnitSnapshot update(String code, long expectedVersion, UnitRequest request, String actor) {
        return update(code, expectedVersion, request, actor, UnitScope.ALL);
    }

    /**
     * Changes a unit; a unit-admin ({@code scope}) only a unit under its own unit, and only to another place under
     * it, or its own unit without moving it.
     */
    @Transactional
    public UnitSnapshot update(String code, long expectedVersion, UnitRequest request, String actor, UnitScope scope) {
        Unit unit = find(code);
        if (!scope.everything()) {
            requireMovableWithin(scope, unit, blankToNull(request.parentCode()));
        }
        Versions.check(expectedVersion, unit.version, "Unit " + code);
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.code() != null && !request.code().equals(code)) {
            errors.add(new Problem.FieldError("code", "cannot be changed (it is " + code + ")"));
        }
        validate(code, request, errors);
        UnitSnapshot before = UnitSnapshot.of(unit);
        apply(unit, request, actor);
        em.flush();
        return record(unit, UnitChange.Action.UPDATED, before, actor);
    }

    /** How an import row changed the registry. */
    public enum Upsert { CREATED, UPDATED, UNCHANGED }

    /**
     * Creates or changes the unit the request names, without a version check: the office's file is
     * the authority. A row that matches the stored unit writes nothing.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public Upsert upsert(UnitRequest request, boolean active, String actor) {
        Unit unit = Unit.findById(request.code());
        if (unit == null) {
            create(request, actor);
            if (!active) {
                Unit created = Unit.findById(request.code());
                deactivate(created.code, created.version, actor);
            }
            return Upsert.CREATED;
        }
        if (matches(unit, request, active)) {
            return Upsert.UNCHANGED;
        }
        validate(unit.code, request, new ArrayList<>());
        UnitSnapshot before = UnitSnapshot.of(unit);
        apply(unit, request, actor);
        unit.active = active;
        em.flush();
        record(unit, UnitChange.Action.UPDATED, before, actor);
        return Upsert.UPDATED;
    }

    private static boolean matches(Unit unit, UnitRequest request, boolean active) {
        var contacts = request.contacts();
        return unit.active == active
                && unit.name.equals(request.name().trim())
                && java.util.Objects.equals(unit.shortName, blankToNull(request.shortName()))
                && unit.aliases().equals(request.aliases() == null ? List.of() : request.aliases().stream().map(String::trim).toList())
                && unit.level == request.level() && unit.type == request.type()
                && java.util.Objects.equals(unit.parentCode, blankToNull(request.parentCode()))
                && java.util.Objects.equals(unit.divisionCode, blankToNull(request.divisionCode()))
                && java.util.Objects.equals(unit.email, contacts == null ? null : blankToNull(contacts.email()))
                && java.util.Objects.equals(unit.phone, contacts == null ? null : blankToNull(contacts.phone()))
                && java.util.Objects.equals(unit.webhookUrl, contacts == null ? null : blankToNull(contacts.webhookUrl()))
                && unit.externalIds.equals(request.externalIds() == null ? Map.of() : request.externalIds());
    }

    @Transactional
    public List<UnitSnapshot> all() {
        return Unit.<Unit>list("order by level, code").stream().map(UnitSnapshot::of).toList();
    }

    @Transactional
    public void deactivate(String code, long expectedVersion, String actor) {
        deactivate(code, expectedVersion, actor, UnitScope.ALL);
    }

    /** Deactivates a unit; a unit-admin ({@code scope}) only one under its own unit, never its own. */
    @Transactional
    public void deactivate(String code, long expectedVersion, String actor, UnitScope scope) {
        Unit unit = find(code);
        if (!scope.coversBelow(code, this::parentOf)) {
            throw scope.outside(code.equals(scope.root()) ? "Your own unit can only be deactivated by the office"
                    : "Unit " + code + " is not under " + scope.root());
        }
        Versions.check(expectedVersion, unit.version, "Unit " + code);
        if (!unit.active) {
            return;
        }
        UnitSnapshot before = UnitSnapshot.of(unit);
        unit.active = false;
        unit.updatedAt = clock.instant();
        unit.updatedBy = actor;
        em.flush();
        record(unit, UnitChange.Action.DEACTIVATED, before, actor);
    }

    @Transactional
    public List<UnitChange> history(String code) {
        find(code);
        return UnitChange.list("unitCode = ?1 order by id", code);
    }

    /** Records the change and publishes it; the unit must be flushed so its version is final. */
    UnitSnapshot record(Unit unit, UnitChange.Action action, UnitSnapshot before, String actor) {
        UnitSnapshot after = UnitSnapshot.of(unit);
        UnitChange change = new UnitChange();
        change.unitCode = unit.code;
        change.action = action;
        change.changedAt = clock.instant();
        change.changedBy = actor;
        change.before = before == null ? null : write(before);
        change.after = write(after);
        change.persist();
        outbox.publish(UnitChanged.TOPIC, unit.code, UnitChanged.TYPE, UnitEvents.changed(UnitView.of(after)));
        changed.fire(new UnitsChanged(unit.code));
        return after;
    }

    /** 403 unless a unit-admin may change {@code unit} and put it under {@code newParent}. */
    private void requireMovableWithin(UnitScope scope, Unit unit, String newParent) {
        if (!scope.covers(unit.code, this::parentOf)) {
            throw scope.outside("Unit " + unit.code + " is not under " + scope.root());
        }
        if (unit.code.equals(scope.root())) {
            if (!java.util.Objects.equals(newParent, unit.parentCode)) {
                throw scope.outside("Where your own unit stands (parentCode) is the office's to change");
            }
            return;
        }
        if (newParent == null) {
            throw scope.outside("Unit " + unit.code + " must stay under " + scope.root() + ": parentCode is required");
        }
        if (Unit.findById(newParent) != null && !scope.covers(newParent, this::parentOf)) {
            throw scope.outside("parentCode " + newParent + " would move " + unit.code + " out from under " + scope.root());
        }
    }

    /** The code of the unit above {@code code}, as stored; null at the top or for an unknown code. */
    String parentOf(String code) {
        Unit unit = Unit.findById(code);
        return unit == null ? null : unit.parentCode;
    }

    private Unit find(String code) {
        Unit unit = Unit.findById(code);
        if (unit == null) {
            throw ProblemException.notFound("No unit has the code " + code);
        }
        return unit;
    }

    private void apply(Unit unit, UnitRequest request, String actor) {
        unit.rename(request.name().trim(), blankToNull(request.shortName()),
                request.aliases() == null ? List.of() : request.aliases().stream().map(String::trim).toList());
        unit.level = request.level();
        unit.type = request.type();
        unit.parentCode = blankToNull(request.parentCode());
        unit.divisionCode = blankToNull(request.divisionCode());
        var contacts = request.contacts();
        unit.email = contacts == null ? null : blankToNull(contacts.email());
        unit.phone = contacts == null ? null : blankToNull(contacts.phone());
        unit.webhookUrl = contacts == null ? null : blankToNull(contacts.webhookUrl());
        unit.externalIds.clear();
        if (request.externalIds() != null) {
            unit.externalIds.putAll(new TreeMap<>(request.externalIds()));
        }
        unit.updatedAt = clock.instant();
        unit.updatedBy = actor;
    }

    /** What bean validation cannot see: references and uniqueness across the registry. */
    private void validate(String code, UnitRequest request, List<Problem.FieldError> errors) {
        String parent = blankToNull(request.parentCode());
        if (parent != null) {
            if (parent.equals(code)) {
                errors.add(new Problem.FieldError("parentCode", "a unit cannot be its own parent"));
            } else if (Unit.findById(parent) == null) {
                errors.add(new Problem.FieldError("parentCode", "no unit has the code " + parent));
            } else if (code != null && UnitScope.under(parent, code, this::parentOf)) {
                errors.add(new Problem.FieldError("parentCode", parent + " lies under " + code + "; a unit cannot be placed under its own subunits"));
            }
        }
        Set<String> names = new LinkedHashSet<>();
        names.add(request.name().trim());
        if (blankToNull(request.shortName()) != null) {
            names.add(request.shortName().trim());
        }
        if (request.aliases() != null) {
            request.aliases().forEach(a -> names.add(a.trim()));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> taken = em.createNativeQuery(
                        "SELECT name, unit_code FROM unit_name WHERE name IN (:names) AND unit_code <> :code")
                .setParameter("names", names)
                .setParameter("code", code == null ? "" : code)
                .getResultList();
        for (Object[] row : taken) {
            String field = row[0].equals(request.name().trim()) ? "name"
                    : row[0].equals(blankToNull(request.shortName()) == null ? null : request.shortName().trim()) ? "shortName" : "aliases";
            errors.add(new Problem.FieldError(field, "'" + row[0] + "' already names unit " + row[1]));
        }
        if (request.externalIds() != null) {
            for (Map.Entry<String, String> id : request.externalIds().entrySet()) {
                Unit owner = Unit.find("select u from Unit u join u.externalIds e where key(e) = ?1 and e = ?2",
                        id.getKey(), id.getValue()).firstResult();
                if (owner != null && !owner.code.equals(code)) {
                    errors.add(new Problem.FieldError("externalIds." + id.getKey(),
                            "'" + id.getValue() + "' already identifies unit " + owner.code));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }

    private String write(UnitSnapshot unit) {
        try {
            return json.writeValueAsString(unit);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
