package cn.sanshe.pipeline.console;

import static cn.sanshe.pipeline.console.ConsoleTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.sanshe.pipeline.indicators.Indicator;
import cn.sanshe.pipeline.indicators.IndicatorService;
import cn.sanshe.pipeline.indicators.IndicatorValue;
import cn.sanshe.pipeline.ingest.IngestRun;
import cn.sanshe.pipeline.reconcile.ReconcileRun;
import cn.sanshe.pipeline.reference.DivisionLoader;
import cn.sanshe.pipeline.reports.RenderedReport;
import cn.sanshe.pipeline.reports.ReportRenderer;
import cn.sanshe.pipeline.reports.ReportRequest;
import cn.sanshe.pipeline.reports.layout.Formats;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A leader follows the links of a real edition's PDF (长安区, rendered from the console city's
 * files) into the console: every link of the PDF — page 1, the context tiles, every section and
 * annex cell, street by street — opens, as the district's viewer, the page of the right indicator
 * and variant for the right unit, whose figure is the stored one printed as the PDF prints it.
 */
@SpringBootTest
class PdfLinksLandTests {

    static final String DISTRICT = "130102000000";
    private static final Pattern LINK = Pattern.compile(
            "http://127\\.0\\.0\\.1:8080(/explain/(\\d{4}-\\d{2})/(\\d{12})/([A-Z_0-9]+)\\?variant=(.*))");
    private static final Pattern VALUE = Pattern.compile("id=\"value\">([^<]*)<");
    private static final Pattern HEADING = Pattern.compile("<h1>([^<]*)</h1>");

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DivisionLoader divisions;

    @Autowired
    IngestRun ingest;

    @Autowired
    ReconcileRun reconcile;

    @Autowired
    ConsoleUsers users;

    @Autowired
    ReportRenderer reports;

    @Autowired
    IndicatorService indicators;

    @Autowired
    Places places;

    @TempDir
    Path dir;

    @Test
    void everyLinkOfARenderedEditionLandsOnItsIndicatorAndUnitWithThePrintedFigure() throws Exception {
        ConsoleCity.build(jdbc, divisions, ingest, reconcile, dir.resolve("inbox"));
        ConsoleCity.users(users);
        RenderedReport report = reports.render(new ReportRequest(ConsoleCity.PERIOD, DISTRICT, null, dir.resolve("out")));
        List<IndicatorValue> stored = indicators.stored(report.runIds().get(0));
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();

        Set<String> links = new LinkedHashSet<>(uris(report.pdf()));
        Set<String> units = new LinkedHashSet<>();
        Set<String> figures = new LinkedHashSet<>();
        for (String uri : links) {
            Matcher link = LINK.matcher(uri);
            assertThat(link.matches()).as(uri).isTrue();
            String unit = link.group(3);
            Indicator indicator = Indicator.valueOf(link.group(4));
            String variant = URLDecoder.decode(link.group(5), StandardCharsets.UTF_8);
            assertThat(link.group(2)).isEqualTo(ConsoleCity.PERIOD);
            assertThat(unit).as("a unit of the edition").startsWith("130102");

            MvcResult page = mvc.perform(get(java.net.URI.create(link.group(1))).with(as(users, "viewer-district")))
                    .andReturn();
            assertThat(page.getResponse().getStatus()).as(uri).isEqualTo(200);
            String html = page.getResponse().getContentAsString(StandardCharsets.UTF_8);
            Matcher heading = HEADING.matcher(html);
            assertThat(heading.find()).as(uri).isTrue();
            assertThat(heading.group(1)).as(uri).startsWith(places.name(unit) + " " + ConsoleCity.PERIOD + " · "
                    + indicator.chineseName());
            IndicatorValue printed = stored.stream().filter(v -> v.indicator().equals(indicator.id())
                    && v.variant().equals(variant) && v.scope().equals(unit)).findFirst().orElseThrow(() ->
                    new AssertionError("the edition has no figure " + indicator + " " + variant + " of " + unit));
            Matcher value = VALUE.matcher(html);
            assertThat(value.find()).as(uri).isTrue();
            assertThat(value.group(1)).as("%s: the page's figure is the edition's", uri)
                    .isEqualTo(Formats.text(indicator, printed.value()));
            units.add(unit);
            figures.add(indicator.id() + " " + variant);
        }
        int expectedFigures = 0;
        for (Indicator indicator : Indicator.values()) {
            expectedFigures += indicator.variants().size();
        }
        assertThat(figures).as("every indicator and variant of the edition is linked").hasSize(expectedFigures);
        assertThat(units).as("the district and each of its streets").contains(DISTRICT, "130102001000", "130102002000");
        System.out.println("followed " + links.size() + " distinct links of " + report.pdf().getFileName() + ": "
                + figures.size() + " figures of " + units.size() + " units");
    }

    private static List<String> uris(Path pdf) throws Exception {
        List<String> uris = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : document.getPages()) {
                for (PDAnnotation annotation : page.getAnnotations()) {
                    if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
                        uris.add(uri.getURI());
                    }
                }
            }
        }
        return uris;
    }
}
