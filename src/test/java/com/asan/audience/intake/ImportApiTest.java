package com.asan.audience.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.support.Api;
import com.asan.audience.support.ApiTestBase;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class ImportApiTest extends ApiTestBase {

    static final Path BANK = Path.of("..", "shared", "data", "uci-bank-marketing", "bank-additional-full.csv");

    @Autowired
    ImportFacade imports;

    @Test
    void importsTheUciBankFileAndEverySegmentCountMatchesTheFile() throws Exception {
        TestAccount account = newAccount();
        byte[] file = Files.readAllBytes(BANK);
        Map<String, Object> options = Map.of(
                "mapping", Map.of("contact", "phoneType", "y", "status"),
                "newCustomFields", List.of(
                        Map.of("column", "age", "key", "age", "type", "number"),
                        Map.of("column", "job", "key", "job", "type", "select"),
                        Map.of("column", "education", "key", "education", "type", "select"),
                        Map.of("column", "housing", "key", "housing", "type", "select"),
                        Map.of("column", "loan", "key", "loan", "type", "select")),
                "valueMaps", Map.of("y", Map.of("yes", "Hot", "no", "Cold")),
                "addTags", List.of("uci-bank"));
        JsonNode done = runImport(account, "bank-additional-full.csv", file, options);
        assertThat(done.get("status").asString()).isEqualTo("completed");
        assertThat(done.get("totalRows").asLong()).isEqualTo(41_188);
        assertThat(done.get("processed").asLong()).isEqualTo(41_188);
        assertThat(done.get("created").asLong()).isEqualTo(41_188);
        assertThat(done.get("failed").asLong()).isZero();
        assertThat(done.get("encoding").asString()).isEqualTo("UTF-8");
        assertThat(done.get("delimiter").asString()).isEqualTo(";");

        FileCounts expected = FileCounts.of(file);
        Api api = account.api();
        assertThat(count(api, cond("status", "is", "Hot"))).isEqualTo(4_640).isEqualTo(expected.of("y", "yes"));
        assertThat(count(api, cond("phone_type", "is", "mobile"))).isEqualTo(26_144);
        assertThat(count(api, cond("phone_type", "is", "landline"))).isEqualTo(15_044);
        assertThat(count(api, cond("custom.job", "is", "admin."))).isEqualTo(expected.of("job", "admin."));
        assertThat(count(api, cond("custom.education", "is", "university.degree")))
                .isEqualTo(expected.of("education", "university.degree"));
        assertThat(count(api, cond("custom.housing", "is", "yes"))).isEqualTo(expected.of("housing", "yes"));
        assertThat(count(api, cond("custom.loan", "is", "unknown"))).isEqualTo(expected.of("loan", "unknown"));
        assertThat(count(api, cond("custom.age", "gt", 60))).isEqualTo(expected.ageOver(60));
        assertThat(count(api, cond("tags", "has_any", List.of("uci-bank")))).isEqualTo(41_188);
        assertThat(count(api, cond("source", "is", "CSV import"))).isEqualTo(41_188);

        JsonNode fields = api.get("/api/custom-fields").json();
        Map<String, String> types = new HashMap<>();
        fields.forEach(field -> types.put(field.get("key").asString(), field.get("type").asString()));
        assertThat(types).containsEntry("age", "number").containsEntry("job", "select")
                .containsEntry("education", "select").containsEntry("housing", "select").containsEntry("loan", "select");
    }

    @Test
    void brokenRowsAreReportedAndEveryGoodRowIsImported() {
        TestAccount account = newAccount();
        account.api().post("/api/custom-fields", Map.of("key", "budget", "label", "Budget", "type", "number"));
        String csv = """
                Email,First name,Last name,Status,Budget,Phone
                good1@example.com,Ann,Lee,Hot,1000,
                not-an-email,Bob,Ray,Warm,2000,
                good2@example.com,Cy,Kim,Lukewarm,3000,
                good3@example.com,Di,Fox,Cold,lots,
                good4@example.com,Ed,Poe,New
                "good5@example.com","Fay, Jr.",Orr,Nurture,"5,5",
                good6@example.com,Gus,Ito,Warm,600,12
                good7@example.com,Hal,Uno,Hot,700,+1 416 555 0101
                """;
        JsonNode done = runImport(account, "broken.csv", csv.getBytes(StandardCharsets.UTF_8),
                Map.of("mapping", Map.of("Email", "email", "First name", "firstName", "Last name", "lastName",
                        "Status", "status", "Budget", "custom.budget", "Phone", "phone")));
        assertThat(done.get("status").asString()).isEqualTo("completed");
        assertThat(done.get("totalRows").asLong()).isEqualTo(8);
        assertThat(done.get("created").asLong()).isEqualTo(2);
        assertThat(done.get("failed").asLong()).isEqualTo(6);

        Api.Response errors = account.api().get("/api/imports/" + done.get("id").asLong() + "/errors");
        assertThat(errors.status()).isEqualTo(200);
        assertThat(errors.contentType()).startsWith("text/csv");
        assertThat(errors.body().lines().toList()).containsExactly(
                "row,column,value,message",
                "3,Email,not-an-email,is not a valid email address",
                "4,Status,Lukewarm,\"must be one of Hot, Warm, Cold, New, Nurture\"",
                "5,Budget,lots,is not a valid number",
                "6,,,has 4 fields; the header has 6",
                "7,Budget,\"5,5\",is not a valid number",
                "8,Phone,12,is not a valid phone number for region CA");
        assertThat(account.api().get("/api/leads?q=good7").json().get("items").get(0).get("phone").asString())
                .isEqualTo("+14165550101");
    }

    @Test
    void duplicatesAreSkippedOrUpdatedAndRepeatedRowsInOneFileCollapse() {
        TestAccount account = newAccount();
        long existing = account.api().post("/api/leads", Map.of("email", "ann@example.com", "firstName", "Ann",
                "status", "Cold", "tags", List.of("vip"))).id();
        String csv = "email,first name,status,tags\n"
                + "ANN@example.com,Annie,Hot,open house\n"
                + "new@example.com,Neo,Warm,\n"
                + "new@example.com,Neo Again,Hot,\n";
        JsonNode skipped = runImport(account, "a.csv", csv.getBytes(StandardCharsets.UTF_8), null);
        assertThat(skipped.get("created").asLong()).isEqualTo(1);
        assertThat(skipped.get("skipped").asLong()).isEqualTo(2);
        assertThat(account.api().get("/api/leads/" + existing).json().get("firstName").asString()).isEqualTo("Ann");

        JsonNode updated = runImport(account, "b.csv", csv.getBytes(StandardCharsets.UTF_8),
                Map.of("duplicates", "update"));
        assertThat(updated.get("created").asLong()).isZero();
        assertThat(updated.get("updated").asLong()).isEqualTo(3);
        JsonNode ann = account.api().get("/api/leads/" + existing).json();
        assertThat(ann.get("firstName").asString()).isEqualTo("Annie");
        assertThat(ann.get("status").asString()).isEqualTo("Hot");
        assertThat(ann.get("source").asString()).isEqualTo("API");
        assertThat(ann.get("tags").toString()).contains("vip", "open house");
        assertThat(account.api().get("/api/leads?q=new@example.com").json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void batchesWrittenAtOnceStillFollowFileOrderForDuplicates() {
        TestAccount account = newAccount();
        StringBuilder csv = new StringBuilder("email,first name,status,tags\n");
        for (int row = 1; row <= 5_000; row++) {
            boolean repeat = row % 1_000 == 500 && row > 2_000; // repeats a row of an earlier batch of 2,000
            String email = repeat ? "row" + (row - 2_001) + "@example.com" : "row" + row + "@example.com";
            csv.append(email).append(',').append(repeat ? "Later " + row : "First " + row)
                    .append(",Warm,").append(row % 7 == 0 ? "tag " + row % 3 : "").append('\n');
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);

        JsonNode updated = runImport(account, "order.csv", file, Map.of("duplicates", "update"));
        assertThat(updated.get("created").asLong()).isEqualTo(4_997);
        assertThat(updated.get("updated").asLong()).isEqualTo(3);
        for (int row : new int[] {2_500, 3_500, 4_500}) {
            JsonNode lead = account.api().get("/api/leads?q=row" + (row - 2_001) + "@example.com").json()
                    .get("items").get(0);
            assertThat(lead.get("firstName").asString()).as("row %d came later in the file", row)
                    .isEqualTo("Later " + row);
        }
        assertThat(account.api().get("/api/leads?size=1").json().get("total").asLong()).isEqualTo(4_997);

        TestAccount other = newAccount();
        JsonNode skipped = runImport(other, "order.csv", file, null);
        assertThat(skipped.get("created").asLong()).isEqualTo(4_997);
        assertThat(skipped.get("skipped").asLong()).isEqualTo(3);
        assertThat(other.api().get("/api/leads?q=row499@example.com").json().get("items").get(0).get("firstName")
                .asString()).isEqualTo("First 499");
    }

    @Test
    void detectsWindows1252SemicolonsTabsAndByteOrderMarks() {
        TestAccount account = newAccount();
        byte[] latin = "Email;Name\r\njose@example.com;José Núñez\r\n".getBytes(Charset.forName("windows-1252"));
        JsonNode first = runImport(account, "latin.csv", latin, null);
        assertThat(first.get("encoding").asString()).isEqualTo("Windows-1252");
        assertThat(first.get("delimiter").asString()).isEqualTo(";");
        JsonNode jose = account.api().get("/api/leads?q=jose@").json().get("items").get(0);
        assertThat(jose.get("firstName").asString()).isEqualTo("José");
        assertThat(jose.get("lastName").asString()).isEqualTo("Núñez");

        byte[] bom = ("\uFEFFEmail\tFirst Name\nzoe@example.com\tZoë\n").getBytes(StandardCharsets.UTF_8);
        JsonNode second = runImport(account, "bom.tsv", bom, null);
        assertThat(second.get("encoding").asString()).isEqualTo("UTF-8 with BOM");
        assertThat(second.get("delimiter").asString()).isEqualTo("\t");
        assertThat(account.api().get("/api/leads?q=zoe@").json().get("items").get(0).get("firstName").asString())
                .isEqualTo("Zoë");
    }

    @Test
    void badOptionsAreRefusedWithTheirPathAndStoreNothing() {
        TestAccount account = newAccount();
        byte[] csv = "email,name\na@example.com,A\n".getBytes(StandardCharsets.UTF_8);
        Api.Response response = account.api().upload("/api/imports", "x.csv", csv,
                Map.of("options", "{\"mapping\":{\"nope\":\"email\",\"name\":\"shoe size\"},\"duplicates\":\"merge\"}"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains("options.mapping.nope", "options.mapping.name", "options.duplicates");
        assertThat(account.api().get("/api/imports").json().get("items")).isEmpty();

        Api.Response notJson = account.api().upload("/api/imports", "x.csv", csv, Map.of("options", "{mapping"));
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("errors").get(0).get("path").asString()).isEqualTo("options");

        Api.Response empty = account.api().upload("/api/imports", "x.csv", new byte[0], Map.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("errors").get(0).get("path").asString()).isEqualTo("file");

        Api.Response noFile = account.api().post("/api/imports/uploads", Map.of());
        assertThat(noFile.status()).isBetween(400, 415);
    }

    @Test
    void previewSuggestsTargetsAndTypes() throws Exception {
        TestAccount account = newAccount();
        byte[] head = String.join("\r\n", Files.readAllLines(BANK).subList(0, 60)).getBytes(StandardCharsets.UTF_8);
        Api.Response preview = account.api().upload("/api/imports/uploads", "bank.csv", head, Map.of());
        assertThat(preview.status()).as(preview.toString()).isEqualTo(201);
        JsonNode json = preview.json();
        assertThat(json.get("rows")).hasSize(10);
        Map<String, JsonNode> columns = new HashMap<>();
        json.get("columns").forEach(c -> columns.put(c.get("name").asString(), c));
        assertThat(columns.get("contact").get("suggestedTarget").asString()).isEqualTo("phoneType");
        assertThat(columns.get("age").get("newField").get("type").asString()).isEqualTo("number");
        assertThat(columns.get("housing").get("newField").get("type").asString()).isEqualTo("select");
        assertThat(columns.get("emp.var.rate").get("newField").get("key").asString()).isEqualTo("emp_var_rate");
    }

    @Test
    void filesThatAreNotCsvAreRefusedWithAHint() {
        TestAccount account = newAccount();
        byte[] binary = new byte[5000];
        new java.util.Random(7).nextBytes(binary);
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("a ZIP archive", new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0});
        files.put("UTF-16", "email,first_name\r\na@b.example,Zoë\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_16));
        files.put("not a text file", binary);
        files.put("row 1 cannot be read", ("c" + ",c".repeat(20_000) + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        files.forEach((expected, content) -> {
            Api.Response refused = account.api().upload("/api/imports", "file.csv", content, Map.of());
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("path").asString()).isEqualTo("file");
            assertThat(refused.json().get("errors").get(0).get("message").asString()).contains(expected);
        });
        assertThat(account.api().get("/api/imports").json().get("items").size()).as("nothing stored").isZero();

        byte[] wideRow = ("email\r\nfirst@test.example\r\nx" + ",x".repeat(20_000) + "\r\nlast@test.example\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        JsonNode stopped = runImport(account, "wide-row.csv", wideRow, null);
        assertThat(stopped.get("status").asString()).isEqualTo("failed");
        assertThat(stopped.get("failure").asString()).contains("row 3 cannot be read");
    }

    private JsonNode runImport(TestAccount account, String name, byte[] content, Map<String, Object> options) {
        Map<String, String> fields = options == null ? Map.of() : Map.of("options", Api.JSON.writeValueAsString(options));
        Api.Response started = account.api().upload("/api/imports", name, content, fields);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        long id = started.id();
        imports.awaitFinished(account.accountId(), id, Duration.ofMinutes(3));
        Api.Response done = account.api().get("/api/imports/" + id);
        assertThat(done.status()).isEqualTo(200);
        return done.json();
    }

    static Map<String, Object> cond(String field, String operator, Object value) {
        return Map.of("match", "all", "conditions", List.of(Map.of("field", field, "operator", operator, "value", value)));
    }

    static long count(Api api, Map<String, Object> criteria) {
        Api.Response response = api.post("/api/segments/preview", Map.of("criteria", criteria));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("count").asLong();
    }

    /** Counts straight from the file, independent of the importer. */
    record FileCounts(List<String> header, List<String[]> rows) {

        static FileCounts of(byte[] file) {
            List<String> lines = new String(file, StandardCharsets.UTF_8).lines().toList();
            List<String> header = List.of(strip(lines.get(0).split(";")));
            return new FileCounts(header, lines.subList(1, lines.size()).stream().map(l -> strip(l.split(";"))).toList());
        }

        long of(String column, String value) {
            int index = header.indexOf(column);
            return rows.stream().filter(r -> r[index].equals(value)).count();
        }

        long ageOver(int age) {
            int index = header.indexOf("age");
            return rows.stream().filter(r -> Integer.parseInt(r[index]) > age).count();
        }

        private static String[] strip(String[] cells) {
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cells[i].replace("\"", "");
            }
            return cells;
        }
    }
}
