package org.duban.reminder.replica;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/** Units as the replica's {@code unit_contact} knows them (from {@code duban.units}). */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class UnitContacts {

    private final EntityManager em;

    UnitContacts(EntityManager em) {
        this.em = em;
    }

    /** The unit with its name; a unit not heard of yet goes by its code. */
    public Unit unit(String code) {
        List<?> names = em.createNativeQuery("SELECT name FROM unit_contact WHERE code = ?1").setParameter(1, code)
                .getResultList();
        return new Unit(code, names.isEmpty() ? code : (String) names.get(0));
    }
}
