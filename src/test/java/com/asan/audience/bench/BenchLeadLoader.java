package com.asan.audience.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loads N seeded, realistic leads (with tags and engagement events) into one account through COPY, fast enough
 * for millions of rows. Distributions follow the demo data: status 1:2:4:2:1, source 3:3:2:1:1, 0–3 tags of 30,
 * a city for 6 in 7, a budget for 85 %, created over two years.
 */
final class BenchLeadLoader {

    static final String[] STATUSES = {"Hot", "Warm", "Warm", "Cold", "Cold", "Cold", "Cold", "New", "New", "Nurture"};
    static final String[] SOURCES = {"Facebook", "Facebook", "Facebook", "Website", "Website", "Website", "CSV import",
            "CSV import", "Manual", "API"};
    static final String[] CITIES = {"Toronto", "Ottawa", "Vancouver", "Calgary", "Montréal", "Halifax"};
    static final String[] PROPERTY = {"Detached", "Semi-detached", "Townhouse", "Condo", "Land"};
    static final String[] FIRST = {"Olivia", "Liam", "Emma", "Noah", "Charlotte", "William", "Amelia", "Benjamin",
            "Sophia", "Lucas", "Chloé", "Étienne", "Aarav", "Priya", "Mei"};
    static final String[] LAST = {"Smith", "Brown", "Tremblay", "Martin", "Roy", "Wilson", "MacDonald", "Gagnon",
            "Côté", "Patel", "Singh", "Nguyen", "Chen", "Wong", "Kim"};
    static final String[] TAGS = {"Buyer", "Seller", "Referral", "VIP", "First-time buyer", "Investor", "Downsizing",
            "Relocation", "Open house", "Pre-approved", "Cash buyer", "Condo", "Luxury", "Rental", "Landlord",
            "Newsletter", "Past client", "Sphere", "Expired listing", "FSBO", "Divorce", "Probate", "Upsizing",
            "Retiree", "Student", "Military", "New construction", "Waterfront", "Cottage", "Commercial"};

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    BenchLeadLoader(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    void load(long accountId, int count, Instant now, List<Long> agents, List<Long> campaigns) throws Exception {
        SplittableRandom random = new SplittableRandom(20261126L + count);
        List<Long> tagIds = new ArrayList<>();
        for (String tag : TAGS) {
            tagIds.add(jdbc.queryForObject("insert into tags (account_id, name) values (?, ?) returning id",
                    Long.class, accountId, tag));
        }
        long firstId = jdbc.queryForObject("select nextval(pg_get_serial_sequence('leads', 'id'))", Long.class) + 1;
        jdbc.queryForObject("select setval(pg_get_serial_sequence('leads', 'id'), ?)", Long.class,
                firstId + count + 1);
        int chunk = 100_000;
        for (int start = 0; start < count; start += chunk) {
            StringBuilder leads = new StringBuilder();
            StringBuilder tags = new StringBuilder();
            StringBuilder events = new StringBuilder();
            for (int i = start; i < Math.min(count, start + chunk); i++) {
                long id = firstId + i;
                appendLead(leads, tags, events, accountId, id, i, random, now, agents, tagIds, campaigns);
            }
            copy("copy leads (account_id, id, first_name, last_name, email, phone, phone_type, status, source, "
                    + "assigned_to, email_status, custom_fields, created_at, last_active_at, updated_at) from stdin",
                    leads);
            copy("copy lead_tags (account_id, lead_id, tag_id) from stdin", tags);
            copy("copy email_events (account_id, lead_id, campaign_id, type, occurred_at) from stdin", events);
        }
        jdbc.execute("analyze leads");
        jdbc.execute("analyze lead_tags");
        jdbc.execute("analyze email_events");
    }

    private static void appendLead(StringBuilder leads, StringBuilder tags, StringBuilder events, long accountId,
                                   long id, int index, SplittableRandom random, Instant now, List<Long> agents,
                                   List<Long> tagIds, List<Long> campaigns) {
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        Instant created = now.minusSeconds(random.nextLong(730L * 24 * 3600));
        int phoneKind = random.nextInt(4);
        String phone = phoneKind == 3 ? null : "+1416" + String.format("%07d", random.nextInt(10_000_000));
        String phoneType = phone == null ? null : new String[] {"mobile", "landline", "unknown"}[phoneKind];
        Long agent = random.nextInt(5) == 0 ? null : agents.get(random.nextInt(agents.size()));
        String lastActive = random.nextInt(4) == 0 ? "\\N"
                : now.minusSeconds(random.nextLong(Math.max(1, now.getEpochSecond() - created.getEpochSecond())))
                        .toString();
        StringBuilder custom = new StringBuilder("{");
        if (random.nextInt(7) != 0) {
            custom.append("\"city\": \"").append(CITIES[random.nextInt(CITIES.length)]).append("\", ");
        }
        if (random.nextInt(100) < 85) {
            custom.append("\"budget\": ").append(100_000 + 5_000 * random.nextInt(380)).append(", ");
        }
        if (random.nextInt(3) != 0) {
            custom.append("\"pre_approved\": ").append(random.nextBoolean()).append(", ");
        }
        if (random.nextInt(2) == 0) {
            custom.append("\"move_in_date\": \"")
                    .append(LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(random.nextInt(-60, 540))).append("\", ");
        }
        if (random.nextInt(5) != 0) {
            custom.append("\"property_type\": \"").append(PROPERTY[random.nextInt(PROPERTY.length)]).append("\", ");
        }
        if (custom.length() > 1) {
            custom.setLength(custom.length() - 2);
        }
        custom.append('}');
        leads.append(accountId).append('\t').append(id).append('\t').append(first).append('\t').append(last)
                .append('\t').append(ascii(first)).append('.').append(ascii(last)).append(index)
                .append(random.nextBoolean() ? "@gmail.com" : "@outlook.com").append('\t')
                .append(phone == null ? "\\N" : phone).append('\t').append(phoneType == null ? "\\N" : phoneType)
                .append('\t').append(STATUSES[random.nextInt(STATUSES.length)]).append('\t')
                .append(SOURCES[random.nextInt(SOURCES.length)]).append('\t').append(agent == null ? "\\N" : agent)
                .append('\t').append("subscribed").append('\t').append(custom).append('\t').append(created)
                .append('\t').append(lastActive).append('\t').append(created).append('\n');
        int tagCount = random.nextInt(4);
        long used = 0;
        for (int t = 0; t < tagCount; t++) {
            int tag = Math.min(TAGS.length - 1, (int) Math.abs(random.nextGaussian() * 8));
            if ((used & (1L << tag)) == 0) {
                used |= 1L << tag;
                tags.append(accountId).append('\t').append(id).append('\t').append(tagIds.get(tag)).append('\n');
            }
        }
        for (int c = 0; c < campaigns.size(); c++) {
            if (random.nextInt(10) < 3) {
                Instant opened = now.minusSeconds((campaigns.size() - c) * 7L * 24 * 3600 - random.nextInt(3600 * 48));
                events.append(accountId).append('\t').append(id).append('\t').append(campaigns.get(c))
                        .append("\topened\t").append(opened).append('\n');
                if (random.nextInt(3) == 0) {
                    events.append(accountId).append('\t').append(id).append('\t').append(campaigns.get(c))
                            .append("\tclicked\t").append(opened.plusSeconds(60)).append('\n');
                }
            }
        }
    }

    private void copy(String sql, StringBuilder rows) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            try (Reader reader = new StringReader(rows.toString())) {
                copy.copyIn(sql, reader);
            }
        }
    }

    private static String ascii(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT);
    }
}
