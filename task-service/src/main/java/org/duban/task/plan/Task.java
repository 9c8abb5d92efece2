package org.duban.task.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** One numbered requirement (具体要求) of a plan, with its original responsibility and deadline texts. */
@Entity
@Table(name = "task")
public class Task extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_id", nullable = false)
    public Long planId;

    @Column(nullable = false)
    public int number;

    @Column(name = "category_ordinal", nullable = false)
    public int categoryOrdinal;

    @Column(name = "category_title", nullable = false)
    public String categoryTitle;

    @Column(name = "subcategory_ordinal")
    public Integer subcategoryOrdinal;

    @Column(name = "subcategory_title")
    public String subcategoryTitle;

    @Column(nullable = false)
    public String requirement;

    @Column(name = "responsibility_text", nullable = false)
    public String responsibilityText;

    @Enumerated(EnumType.STRING)
    @Column(name = "deadline_kind", nullable = false)
    public DeadlineKind deadlineKind;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "deadline_text", nullable = false)
    public String deadlineText;

    @Column(name = "deadline_review_needed", nullable = false)
    public boolean deadlineReviewNeeded;
}
