package id.amk.referrals.provider;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import id.amk.platform.web.ProblemException;
import id.amk.referrals.referral.api.Component;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The provider directory from a file an admin prepares (docs/provider-import.md): CSV with a header row, or a JSON array
 * of the API's provider bodies. All or nothing: one wrong row and nothing is written, and the answer lists every wrong
 * row and field. Rows are upserts by id, so the same file imported twice changes nothing the second time.
 */
@Service
class ProviderImport {

    /** The CSV columns, in the documented order; {@code regions} and {@code components} hold several values split by ';'. */
    static final List<String> COLUMNS = List.of("id", "name", "type", "agencyId", "regions", "components", "capacity", "address", "phone",
            "active");
    static final int MAX_ROWS = 5000;

    record Outcome(int rows, int added, int replaced, int unchanged, boolean written) {
    }

    /** A wrong row: its number (the header is row 1 in CSV; 1 is the first element in JSON), the field, the rule. */
    record RowProblem(int row, String field, String code) {
    }

    private final ProviderDirectory directory;
    private final Validator validator;
    private final ObjectMapper json;
    private final CsvMapper csv = new CsvMapper();

    ProviderImport(ProviderDirectory directory, Validator validator, ObjectMapper json) {
        this.directory = directory;
        this.validator = validator;
        this.json = json;
    }

    Outcome run(byte[] file, boolean isCsv, boolean dryRun) {
        List<RowProblem> problems = new ArrayList<>();
        List<ProviderRequest> rows = isCsv ? fromCsv(file, problems) : fromJson(file, problems);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            ProviderRequest row = rows.get(i);
            if (row == null) {
                continue;
            }
            int number = isCsv ? i + 2 : i + 1;
            for (ConstraintViolation<ProviderRequest> v : validator.validate(row)) {
                String path = v.getPropertyPath().toString();
                problems.add(new RowProblem(number, path.contains("[") ? path.substring(0, path.indexOf('[')) : path,
                        v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()));
            }
            if (row.id() != null && !ids.add(row.id())) {
                problems.add(new RowProblem(number, "id", "Duplicate"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "provider.import-invalid",
                    Map.of("errors", problems.stream().limit(200).toList()), problems.size());
        }
        int added = 0;
        int replaced = 0;
        int unchanged = 0;
        for (ProviderRequest row : rows) {
            Optional<Provider> current = directory.find(row.id());
            Provider next = ProviderController.provider(row, current.map(Provider::version).orElse(null));
            if (current.isEmpty()) {
                added++;
            } else if (same(current.get(), next)) {
                unchanged++;
                continue;
            } else {
                replaced++;
            }
            if (!dryRun) {
                directory.save(next);
            }
        }
        return new Outcome(rows.size(), added, replaced, unchanged, !dryRun);
    }

    private static boolean same(Provider a, Provider b) {
        return a.name().equals(b.name()) && a.type() == b.type() && a.agencyId().equals(b.agencyId())
                && Set.copyOf(a.regions()).equals(Set.copyOf(b.regions())) && a.components().equals(b.components())
                && a.capacity() == b.capacity() && a.active() == b.active() && java.util.Objects.equals(a.address(), b.address())
                && java.util.Objects.equals(a.phone(), b.phone());
    }

    private List<ProviderRequest> fromJson(byte[] file, List<RowProblem> problems) {
        try {
            // the whole file is parsed first, so that what is wrong with it as JSON (a key given twice, nesting beyond any
            // directory) is told before what is wrong with its shape or its rows
            List<ProviderRequest> rows = json.readerFor(new TypeReference<List<ProviderRequest>>() {
            }).readValue(json.readTree(file));
            return limit(rows == null ? List.of() : rows, problems);
        } catch (IOException e) {
            throw id.amk.platform.web.UnreadableJson.problem(e); // a key given twice, a row field that cannot be read, ...
        }
    }

    private List<ProviderRequest> fromCsv(byte[] file, List<RowProblem> problems) {
        List<ProviderRequest> rows = new ArrayList<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> it = csv.readerFor(new TypeReference<Map<String, String>>() {
        }).with(schema).readValues(file)) {
            List<String> header = null;
            int number = 1;
            while (it.hasNextValue()) {
                Map<String, String> line = it.nextValue();
                number++;
                if (header == null) {
                    header = new ArrayList<>(line.keySet());
                    List<String> missing = COLUMNS.stream().filter(c -> !line.containsKey(c)).filter(c -> !Set.of("address", "phone", "active")
                            .contains(c)).toList();
                    if (!missing.isEmpty()) {
                        missing.forEach(c -> problems.add(new RowProblem(1, c, "MissingColumn")));
                        return List.of();
                    }
                }
                rows.add(row(line, number, problems));
                if (rows.size() > MAX_ROWS) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "provider.import-unreadable", Map.of());
        }
        return limit(rows, problems);
    }

    private static List<ProviderRequest> limit(List<ProviderRequest> rows, List<RowProblem> problems) {
        if (rows.size() > MAX_ROWS) {
            problems.add(new RowProblem(MAX_ROWS + 1, "rows", "TooMany"));
        }
        return rows;
    }

    /** One CSV line as the API's body; a value that is not one of the codes is a problem of its field, the row goes on. */
    private static ProviderRequest row(Map<String, String> line, int number, List<RowProblem> problems) {
        ProviderType type = code(line.get("type"), ProviderType.class, number, "type", problems);
        Set<Component> components = new LinkedHashSet<>();
        for (String c : split(line.get("components"))) {
            Component component = code(c, Component.class, number, "components", problems);
            if (component != null) {
                components.add(component);
            }
        }
        Integer capacity = null;
        try {
            capacity = Integer.parseInt(blank(line.get("capacity")) ? "" : line.get("capacity").strip());
        } catch (NumberFormatException e) {
            problems.add(new RowProblem(number, "capacity", "NotANumber"));
        }
        String active = line.get("active");
        if (!blank(active) && !Set.of("true", "false", "ya", "tidak", "1", "0").contains(active.strip().toLowerCase(Locale.ROOT))) {
            problems.add(new RowProblem(number, "active", "NotABoolean"));
        }
        boolean isActive = blank(active) || Set.of("true", "ya", "1").contains(active.strip().toLowerCase(Locale.ROOT));
        return new ProviderRequest(strip(line.get("id")), strip(line.get("name")), type, strip(line.get("agencyId")),
                split(line.get("regions")), components, capacity == null ? 0 : capacity, isActive, null, strip(line.get("address")),
                strip(line.get("phone")));
    }

    private static <E extends Enum<E>> E code(String value, Class<E> type, int number, String field, List<RowProblem> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new RowProblem(number, field, "UnknownCode"));
            return null;
        }
    }

    private static List<String> split(String cell) {
        return blank(cell) ? List.of() : Arrays.stream(cell.split("[;|]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return blank(s) ? null : s.strip();
    }
}
