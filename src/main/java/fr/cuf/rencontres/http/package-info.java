/**
 * What the two faces, {@code web} (HTML) and {@code api} (JSON), share and neither owns: refusals turned into HTTP
 * responses (a page or a JSON body) and the per-address registration limit both registration routes check first.
 * No feature package imports it; it imports no face.
 */
package fr.cuf.rencontres.http;
