package org.duban.task.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** One issued document (任务分工): its title, document number (文号), issuer, issue date and year. */
@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {

    public static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String title;

    @Column(name = "document_number", nullable = false)
    public String documentNumber;

    public String issuer;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    @Column(nullable = false)
    public int year;

    @Column(name = "time_zone", nullable = false)
    public String timeZone = DEFAULT_TIME_ZONE;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
