package org.duban.unit.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One name a unit answers to; unique across the registry. */
@Embeddable
public class UnitName {

    public enum Kind { NAME, SHORT, ALIAS }

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public int position;

    protected UnitName() {
    }

    UnitName(String name, Kind kind, int position) {
        this.name = name;
        this.kind = kind;
        this.position = position;
    }
}
