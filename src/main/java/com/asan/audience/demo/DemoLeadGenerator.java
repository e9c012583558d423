package com.asan.audience.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Deterministic, realistic real-estate leads as lead JSON maps (the same shape the REST API takes). */
public final class DemoLeadGenerator {

    static final List<String> TAGS = List.of("Buyer", "Seller", "Referral", "VIP", "First-time buyer", "Investor",
            "Downsizing", "Relocation", "Open house", "Pre-approved", "Cash buyer", "Condo", "Luxury", "Rental",
            "Landlord", "Newsletter", "Past client", "Sphere", "Expired listing", "FSBO", "Divorce", "Probate",
            "Upsizing", "Retiree", "Student", "Military", "New construction", "Waterfront", "Cottage", "Commercial");
    static final List<String[]> CITIES = List.of(new String[] {"Toronto", "ON"}, new String[] {"Ottawa", "ON"},
            new String[] {"Mississauga", "ON"}, new String[] {"Vancouver", "BC"}, new String[] {"Victoria", "BC"},
            new String[] {"Calgary", "AB"}, new String[] {"Edmonton", "AB"}, new String[] {"Montréal", "QC"},
            new String[] {"Québec", "QC"}, new String[] {"Winnipeg", "MB"}, new String[] {"Halifax", "NS"},
            new String[] {"Saskatoon", "SK"});
    static final List<String> PROPERTY_TYPES = List.of("Detached", "Semi-detached", "Townhouse", "Condo", "Land");
    private static final List<String> FIRST = List.of("Olivia", "Liam", "Emma", "Noah", "Charlotte", "William",
            "Amelia", "Benjamin", "Sophia", "Lucas", "Chloé", "Étienne", "Aarav", "Priya", "Mei", "Wei", "Fatima",
            "Omar", "Jasmine", "Mateo", "Isabella", "Jack", "Ava", "Owen", "Zoe", "Raj", "Sara", "Daniel", "Léa",
            "Gabriel");
    private static final List<String> LAST = List.of("Smith", "Brown", "Tremblay", "Martin", "Roy", "Wilson",
            "MacDonald", "Gagnon", "Johnson", "Taylor", "Côté", "Campbell", "Anderson", "Leblanc", "Lee", "Patel",
            "Singh", "Nguyen", "Chen", "Wong", "Kim", "Thompson", "White", "Bouchard", "Morin", "Khan", "Ali",
            "Garcia", "Clark", "Lewis");
    private static final List<String> STATUSES = List.of("Hot", "Warm", "Warm", "Cold", "Cold", "Cold", "Cold",
            "New", "New", "Nurture");
    private static final List<String> SOURCES = List.of("Facebook", "Facebook", "Facebook", "Website", "Website",
            "Website", "CSV import", "CSV import", "Manual", "API");
    private static final String[] TORONTO_AREA = {"416", "647", "437"};

    private final SplittableRandom random;
    private final Instant now;
    private final List<Long> agentIds;

    public DemoLeadGenerator(long seed, Instant now, List<Long> agentIds) {
        this.random = new SplittableRandom(seed);
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
        this.agentIds = List.copyOf(agentIds);
    }

    public Map<String, Object> next(int index) {
        Map<String, Object> lead = new LinkedHashMap<>();
        String first = pick(FIRST);
        String last = pick(LAST);
        lead.put("firstName", first);
        lead.put("lastName", last);
        if (random.nextInt(20) != 0) {
            lead.put("email", ascii(first) + "." + ascii(last) + index + "@" + pick(List.of("gmail.com",
                    "outlook.com", "yahoo.ca", "hotmail.com", "icloud.com", "sympatico.ca")));
        }
        int phoneKind = random.nextInt(10);
        if (phoneKind < 8) {
            lead.put("phone", "(" + TORONTO_AREA[random.nextInt(3)] + ") 555-" + String.format("%04d", random.nextInt(10_000)));
            if (phoneKind < 4) {
                lead.put("phoneType", "mobile");
            } else if (phoneKind < 6) {
                lead.put("phoneType", "landline");
            }
        }
        lead.put("status", pick(STATUSES));
        lead.put("source", pick(SOURCES));
        List<String> tags = new ArrayList<>();
        int tagCount = random.nextInt(5);
        for (int i = 0; i < tagCount; i++) {
            String tag = TAGS.get(Math.min(TAGS.size() - 1, (int) Math.abs(random.nextGaussian() * 8)));
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        lead.put("tags", tags);
        if (!agentIds.isEmpty() && random.nextInt(5) != 0) {
            lead.put("assignedTo", agentIds.get(random.nextInt(agentIds.size())));
        }
        Instant created = now.minusSeconds(random.nextLong(730L * 24 * 3600));
        lead.put("createdAt", created.toString());
        if (random.nextInt(4) != 0) {
            long sinceCreated = now.getEpochSecond() - created.getEpochSecond();
            lead.put("lastActiveAt", now.minusSeconds(random.nextLong(Math.max(1, sinceCreated))).toString());
        }
        lead.put("customFields", customValues());
        return lead;
    }

    private Map<String, Object> customValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        if (random.nextInt(8) != 0) {
            String[] city = CITIES.get(random.nextInt(CITIES.size()));
            values.put("city", city[0]);
            values.put("province", city[1]);
        }
        if (random.nextInt(7) != 0) {
            values.put("budget", 150_000 + 5_000 * random.nextInt(370));
        }
        if (random.nextInt(3) != 0) {
            values.put("pre_approved", random.nextBoolean());
        }
        if (random.nextInt(2) == 0) {
            values.put("move_in_date", LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(random.nextInt(-60, 540)).toString());
        }
        if (random.nextInt(5) != 0) {
            values.put("property_type", pick(PROPERTY_TYPES));
        }
        return values;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String ascii(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT);
    }
}
