package cn.sanshe.pipeline.demo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The demo city's divisions, read from the same reference CSV the pipeline validates against,
 * so every code the generator writes (except the one deliberately wrong) exists there.
 */
public record Geography(String cityName, List<District> districts, Set<String> knownCodes) {

    public static final String RESOURCE = "sql/reference/divisions-130100-shijiazhuang.csv";

    public Geography {
        districts = List.copyOf(districts);
        knownCodes = Set.copyOf(knownCodes);
    }

    public static Geography load() throws IOException {
        String text;
        try (InputStream in = Geography.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("classpath resource missing: " + RESOURCE);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setTrim(true).get().parse(new StringReader(text)).getRecords();
        return from(records);
    }

    private static Geography from(List<CSVRecord> records) {
        String city = "";
        Map<String, String> districtNames = new TreeMap<>();
        Map<String, String> streetNames = new TreeMap<>();
        Map<String, List<Community>> communities = new TreeMap<>();
        for (CSVRecord r : records) {
            String code = r.get("code");
            switch (r.get("level")) {
                case "city" -> city = r.get("name");
                case "district" -> districtNames.put(code.substring(0, 6), r.get("name"));
                case "street" -> streetNames.put(code.substring(0, 9), r.get("name"));
                case "community" -> communities.computeIfAbsent(r.get("parent_code").substring(0, 9),
                        k -> new ArrayList<>()).add(new Community(code, r.get("name"),
                        "rural".equals(r.get("urban_rural")), r.get("parent_code").substring(0, 9)));
                default -> { }
            }
        }
        List<District> districts = new ArrayList<>();
        for (Map.Entry<String, String> d : districtNames.entrySet()) {
            List<Street> streets = streetNames.entrySet().stream()
                    .filter(s -> s.getKey().startsWith(d.getKey()))
                    .map(s -> new Street(s.getKey(), s.getValue(), d.getKey(),
                            communities.getOrDefault(s.getKey(), List.of())))
                    .filter(s -> !s.communities().isEmpty())
                    .toList();
            districts.add(new District(d.getKey(), d.getValue(), streets));
        }
        Set<String> known = records.stream().map(r -> r.get("code")).collect(Collectors.toSet());
        return new Geography(city, districts, known);
    }

    public List<Street> streets() {
        return districts.stream().flatMap(d -> d.streets().stream()).toList();
    }
}
