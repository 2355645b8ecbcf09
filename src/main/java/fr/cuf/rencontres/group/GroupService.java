package fr.cuf.rencontres.group;

import fr.cuf.rencontres.member.PersonRepository;
import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Problem;
import fr.cuf.rencontres.support.Slugs;
import fr.cuf.rencontres.support.Validator;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;

/** Country and thematic groups: creation and changes, with their rules. */
@Singleton
public class GroupService {

    private final GroupRepository groups;
    private final PersonRepository persons;
    private final AuditLog audit;
    private final Clock clock;

    GroupService(GroupRepository groups, PersonRepository persons, AuditLog audit, Clock clock) {
        this.groups = groups;
        this.persons = persons;
        this.audit = audit;
        this.clock = clock;
    }

    public Group get(long id) {
        return groups.findById(id).orElseThrow(() -> DomainException.notFound("group_not_found"));
    }

    public Group bySlug(String slug) {
        return groups.findBySlug(slug).orElseThrow(() -> DomainException.notFound("group_not_found"));
    }

    @Transactional
    public Group create(GroupForm form, String actor) {
        GroupForm clean = validate(form, null);
        Instant now = clock.instant();
        Group saved = groups.save(new Group(null, clean.slug(), clean.name(), clean.kind(), clean.pole(),
                clean.chairPersonId(), clean.description(), Boolean.TRUE.equals(clean.membersOnly()), now, now, null));
        audit.record(actor, "group.created", "group", saved.id(), saved.name());
        return saved;
    }

    @Transactional
    public Group update(long id, GroupForm form, String actor) {
        Group current = get(id);
        GroupForm clean = validate(form, id);
        Group saved = groups.update(new Group(id, clean.slug(), clean.name(), clean.kind(), clean.pole(),
                clean.chairPersonId(), clean.description(), Boolean.TRUE.equals(clean.membersOnly()),
                current.createdAt(), clock.instant(), current.version()));
        audit.record(actor, "group.updated", "group", id, saved.name());
        return saved;
    }

    private GroupForm validate(GroupForm form, Long id) {
        String name = form.name() == null ? null : form.name().strip();
        String slug = form.slug() == null || form.slug().isBlank()
                ? (name == null ? null : Slugs.of(name)) : form.slug().strip();
        Validator v = new Validator()
                .required("name", name)
                .maxLength("name", name, 200)
                .required("kind", form.kind())
                .slug("slug", slug);
        if (form.kind() == GroupKind.COUNTRY && form.pole() == null) {
            v.add(Problem.field("pole", "pole_required"));
        }
        if (form.kind() != null && form.kind() != GroupKind.COUNTRY && form.pole() != null) {
            v.add(Problem.field("pole", "pole_only_for_country_groups"));
        }
        if (form.chairPersonId() != null && persons.findById(form.chairPersonId()).isEmpty()) {
            v.add(Problem.field("chairPersonId", "person_not_found"));
        }
        v.throwIfInvalid();
        groups.findBySlug(slug).filter(other -> !other.id().equals(id)).ifPresent(other -> {
            throw DomainException.conflict("slug", "slug_taken");
        });
        return new GroupForm(name, slug, form.kind(), form.pole(), form.chairPersonId(),
                form.description() == null || form.description().isBlank() ? null : form.description().strip(),
                form.membersOnly());
    }
}
