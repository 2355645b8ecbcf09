package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.group.GroupForm;
import fr.cuf.rencontres.group.GroupKind;
import fr.cuf.rencontres.group.Pole;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
@Introspected
record GroupInput(@Nullable String name, @Nullable String slug, @Nullable String kind, @Nullable String pole,
                  @Nullable String chairPersonId, @Nullable String description, @Nullable String membersOnly) {

    static GroupInput blank() {
        return new GroupInput(null, null, GroupKind.COUNTRY.name(), null, null, null, null);
    }

    static GroupInput of(GroupForm f) {
        return new GroupInput(f.name(), f.slug(), Parse.text(f.kind()), Parse.text(f.pole()),
                Parse.text(f.chairPersonId()), f.description(), Boolean.TRUE.equals(f.membersOnly()) ? "true" : null);
    }

    GroupForm toForm() {
        Parse p = new Parse();
        GroupKind k = p.choice("kind", kind, GroupKind.class);
        Pole po = p.choice("pole", pole, Pole.class);
        Long chair = p.id("chairPersonId", chairPersonId);
        p.throwIfInvalid();
        return new GroupForm(name, slug, k, po, chair, description, Parse.checked(membersOnly));
    }
}
