package fr.cuf.rencontres.schedule;

import fr.cuf.rencontres.badge.PdfFonts;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.support.Messages;
import fr.cuf.rencontres.support.Times;
import jakarta.inject.Singleton;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The programme as a printable A4 booklet: the public (published) programme day by day, each session with
 * its time, room, title, chair, speakers and description, in time then room order. Long texts wrap; a
 * session never starts at the foot of a page without room for its heading.
 */
@Singleton
public class ProgrammeBooklet {

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final ProgrammeService programmes;
    private final Messages messages;

    ProgrammeBooklet(ProgrammeService programmes, Messages messages) {
        this.programmes = programmes;
        this.messages = messages;
    }

    public byte[] of(Event event, Locale locale) {
        Programme programme = programmes.of(event.id());
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale);
        DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm");
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(event.title());
            info.setSubject(messages.get(locale, "booklet.subject"));
            Writer w = new Writer(document, PdfFonts.load(document));
            w.paragraph(w.fonts.bold, 18, event.title(), 6);
            w.paragraph(w.fonts.regular, 11, messages.get(locale, "booklet.subject"), 14);
            for (ProgrammeDay d : programme.days()) {
                w.need(60);
                w.paragraph(w.fonts.bold, 14, capitalised(day.format(d.date())), 8);
                for (SessionView v : d.sessions()) {
                    Session s = v.session();
                    w.need(48);
                    String head = hm.format(Times.paris(s.startsAt())) + "–" + hm.format(Times.paris(s.endsAt()))
                            + (v.room() == null ? "" : " · " + v.room().name())
                            + " · " + messages.get(locale, "enum.SessionKind." + s.kind().name());
                    w.paragraph(w.fonts.regular, 9, head, 1);
                    String title = s.isCancelled() ? s.title() + " (" + messages.get(locale, "booklet.cancelled") + ")"
                            : s.title();
                    w.paragraph(w.fonts.bold, 11, title, 2);
                    if (v.chair() != null) {
                        w.paragraph(w.fonts.regular, 9, messages.get(locale, "booklet.chair", name(v.chair())), 1);
                    }
                    if (!v.speakers().isEmpty()) {
                        w.paragraph(w.fonts.regular, 9, messages.get(locale, "booklet.speakers",
                                v.speakers().stream().map(ProgrammeBooklet::name).collect(Collectors.joining(", "))), 1);
                    }
                    if (s.description() != null && !s.description().isBlank()) {
                        w.paragraph(w.fonts.regular, 9, s.description(), 1);
                    }
                    w.space(8);
                }
            }
            w.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Person p) {
        return p.firstName() + " " + p.lastName();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Lays text out top to bottom, adding pages as they fill. */
    private static final class Writer {
        final PDDocument document;
        final PdfFonts fonts;
        PDPageContentStream cs;
        float y;

        Writer(PDDocument document, PdfFonts fonts) throws IOException {
            this.document = document;
            this.fonts = fonts;
            page();
        }

        void page() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            cs = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        /** Starts a new page unless {@code height} points are left. */
        void need(float height) throws IOException {
            if (y - height < MARGIN) {
                page();
            }
        }

        void space(float points) {
            y -= points;
        }

        void paragraph(PDFont font, float size, String text, float after) throws IOException {
            float leading = size * 1.3f;
            for (String line : wrap(font, size, fonts.printable(text))) {
                need(leading);
                y -= leading;
                cs.beginText();
                cs.setFont(font, size);
                cs.newLineAtOffset(MARGIN, y);
                cs.showText(line);
                cs.endText();
            }
            y -= after;
        }

        List<String> wrap(PDFont font, float size, String text) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" +")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size > WIDTH && line.length() > 0) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            if (line.length() > 0) {
                lines.add(line.toString());
            }
            return lines;
        }

        void close() throws IOException {
            cs.close();
        }
    }
}
