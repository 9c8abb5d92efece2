package org.duban.unit.registry;

import org.duban.events.UnitChanged;

/** The events on {@code duban.units}: the unit as the REST API shows it, field for field (a test keeps the two lists equal). */
public final class UnitEvents {

    private UnitEvents() {
    }

    public static UnitChanged changed(UnitView view) {
        UnitView.Contacts contacts = view.contacts();
        return new UnitChanged(view.code(), view.name(), view.shortName(), view.aliases(), view.level().name(),
                view.type().name(), view.parentCode(), view.divisionCode(), view.externalIds(),
                contacts == null ? null : new UnitChanged.Contacts(contacts.email(), contacts.phone(), contacts.webhookUrl()),
                view.active(), view.version());
    }
}
