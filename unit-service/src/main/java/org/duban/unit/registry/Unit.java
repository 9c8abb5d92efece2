package org.duban.unit.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A responsible unit in the registry. Deactivated, never deleted: history refers to it. */
@Entity
@Table(name = "unit")
public class Unit extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "short_name")
    public String shortName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UnitLevel level;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UnitType type;

    @Column(name = "parent_code")
    public String parentCode;

    @Column(name = "division_code")
    public String divisionCode;

    public String email;

    public String phone;

    @Column(name = "webhook_url")
    public String webhookUrl;

    @Column(nullable = false)
    public boolean active = true;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @ElementCollection(fetch = FetchType.LAZY)
    @BatchSize(size = 500)
    @CollectionTable(name = "unit_name", joinColumns = @JoinColumn(name = "unit_code"))
    @OrderBy("position")
    public List<UnitName> names = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @BatchSize(size = 500)
    @CollectionTable(name = "unit_external_id", joinColumns = @JoinColumn(name = "unit_code"))
    @MapKeyColumn(name = "system")
    @Column(name = "external_id", nullable = false)
    public Map<String, String> externalIds = new TreeMap<>();

    /** Aliases in the order they were given (official and short name excluded). */
    public List<String> aliases() {
        return names.stream().filter(n -> n.kind == UnitName.Kind.ALIAS).map(n -> n.name).toList();
    }

    /** Sets the name, short name and aliases, and the unique name index that backs them. */
    public void rename(String name, String shortName, List<String> aliases) {
        this.name = name;
        this.shortName = shortName;
        Set<String> seen = new LinkedHashSet<>();
        List<UnitName> all = new ArrayList<>();
        int position = 0;
        all.add(new UnitName(name, UnitName.Kind.NAME, position++));
        seen.add(name);
        if (shortName != null && seen.add(shortName)) {
            all.add(new UnitName(shortName, UnitName.Kind.SHORT, position++));
        }
        for (String alias : aliases) {
            if (seen.add(alias)) {
                all.add(new UnitName(alias, UnitName.Kind.ALIAS, position++));
            }
        }
        names.clear();
        names.addAll(all);
    }

    /** The unit as the plain domain record the resolver and the group rules work on. */
    public UnitRecord toRecord() {
        return new UnitRecord(code, name, shortName, aliases(), level, type, parentCode, divisionCode);
    }

    /** Every name this unit answers to. */
    public List<String> allNames() {
        return names.stream().map(n -> n.name).toList();
    }
}
