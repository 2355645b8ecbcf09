#!/usr/bin/env python3
"""Writes the bench files the way French Excel does: ';' separators, Windows-1252, CRLF, quoted line breaks.

usage: make_csv.py organisations COUNT FILE   (communes with valid SIRENs and a membership year)
       make_csv.py persons COUNT FILE         (contacts with e-mails, no organisation)
"""
import sys


def siren(n):
    base = "%08d" % n
    for key in range(10):
        digits = base + str(key)
        total = 0
        for i, ch in enumerate(reversed(digits)):
            d = int(ch)
            if i % 2 == 1:
                d *= 2
                if d > 9:
                    d -= 9
            total += d
        if total % 10 == 0:
            return digits
    raise ValueError(n)


def organisations(count):
    yield "Nom;Type;Pays;SIREN;Adresse;Code postal;Ville;Année d'adhésion"
    for n in range(1, count + 1):
        yield ('Commune n°%d de Saint-Étienne-du-Bois;Commune;France;%s;"%d, rue de l\'Église;\r\nBP %d";%05d;Saint-Étienne;%d'
               % (n, siren(30_000_000 + n), n, n, 10000 + n % 80000, 2020 + n % 7))


def persons(count):
    yield "Prénom;Nom;Fonction;Courriel;Élu(e)"
    for n in range(1, count + 1):
        yield "Hélène;Dupré-%d;Adjointe au maire déléguée aux relations internationales;helene.dupre%d@example.fr;oui" % (n, n)


kind, count, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
lines = organisations(count) if kind == "organisations" else persons(count)
with open(path, "wb") as out:
    out.write(("\r\n".join(lines) + "\r\n").encode("cp1252"))
