package fr.cuf.rencontres.demo;

import fr.cuf.rencontres.staff.Role;
import fr.cuf.rencontres.staff.StaffDirectory;
import fr.cuf.rencontres.staff.StaffRepository;
import jakarta.inject.Singleton;

import java.util.EnumSet;
import java.util.Map;

/** The demo staff accounts of the README, password {@link DemoDataLoader#DEMO_PASSWORD}; only ever made with the demo data. */
@Singleton
class DemoStaff {

    private final StaffDirectory staff;
    private final StaffRepository accounts;

    DemoStaff(StaffDirectory staff, StaffRepository accounts) {
        this.staff = staff;
        this.accounts = accounts;
    }

    void load() {
        Map<String, Role> roles = Map.of("admin", Role.ADMIN, "programme", Role.PROGRAMME,
                "desk", Role.REGISTRATION_DESK, "scanner", Role.SCANNER);
        roles.forEach((username, role) -> {
            if (accounts.findByUsername(username).isEmpty()) {
                staff.create(username, "Démo " + username, DemoDataLoader.DEMO_PASSWORD, EnumSet.of(role));
            }
        });
    }
}
