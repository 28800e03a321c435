package etax.payment.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import etax.devstack.TokenIssuer;
import etax.payment.DevBanks;
import etax.payment.DevBanks.Line;
import etax.payment.GatewayFixture;
import etax.payment.GatewayIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static etax.devstack.TestCallers.bearer;
import static etax.payment.GatewayFixture.BANK;
import static etax.payment.GatewayFixture.TIMEOUT;
import static etax.payment.GatewayFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The office of the obligations the gateway books itself or from events that name none (ADR 0022): interest takes
 * its item's, also when the item is booked earlier in the same poll; a provisional payment's obligation takes the
 * office its collecting agency maps to, none when it maps to none, never the agency's own code; migration 39 gives
 * those booked before it their office. On the real database, through the officers' reads.
 */
@GatewayIntegrationTest
class ObligationOfficesIntegrationTests {

	@RegisterExtension
	static final GatewayFixture gateway = new GatewayFixture();

	/** The office of the test banks' collecting agency, 1054321. */
	private static final String COLLECTING_OFFICE = "99999";

	/** The office of collecting agency 1054999; as an agency code of its own, 70299 is mapped to no office. */
	private static final String OTHER_OFFICE = "70299";

	private static final TokenIssuer TOKENS = TokenIssuer.local();

	@Autowired
	ObligationBooking booking;

	@Autowired
	ProvisionalObligationOffices migration;

	@Autowired
	DataSource dataSource;

	@Test
	void interestBookedInThePollOfItsItemTakesTheItemsOffice() {
		String mst = DevBanks.mst(8806);
		String item = UUID.randomUUID().toString();
		String interest = UUID.randomUUID().toString();

		this.booking.record(List.of(
				record(ObligationBooking.PAYABLE_ITEMS_TOPIC, mst, GatewayFixture.payableItem(UUID.randomUUID(), mst,
						item, "1701", "00/Q1/2026", 1_000_000, "2026-05-04")
					.replaceFirst("}$", ",\"taxOfficeCode\":\"" + OTHER_OFFICE + "\"}")),
				record(ObligationBooking.ASSESSMENTS_TOPIC, mst, interest(interest, item, mst))));

		assertThat(office(item)).isEqualTo(OTHER_OFFICE);
		assertThat(office(interest)).as("interest is of its item's office").isEqualTo(OTHER_OFFICE);
	}

	@Test
	void aProvisionalPaymentIsOfTheOfficeItsCollectingAgencyMapsToAndOfNoneOtherwise() throws Exception {
		String mapped = DevBanks.mst(8807);
		String unmapped = DevBanks.mst(8808);
		gateway.pay(mapped, "OBO2026051400000001", "2026-05-14", List.of(Line.of("1052", 1_000_000)));
		payThrough(unmapped, "OBO2026051400000002", OTHER_OFFICE);
		String ofMapped = awaitProvisional(mapped);
		String ofUnmapped = awaitProvisional(unmapped);

		assertThat(office(ofMapped)).isEqualTo(COLLECTING_OFFICE);
		assertThat(balance(mapped, TOKENS.officer(COLLECTING_OFFICE)).getStatus()).isEqualTo(200);
		assertThat(office(ofUnmapped)).as("an agency mapped to no office: no office, whatever its code").isNull();
		assertProblem(balance(unmapped, TOKENS.officer(OTHER_OFFICE)), 404, "taxpayer-not-found");
		assertThat(balance(unmapped, TOKENS.nationalOfficer()).getStatus()).isEqualTo(200);
	}

	@Test
	void migration39GivesTheProvisionalObligationsBookedBeforeItTheirOffice() throws Exception {
		assertThat(gateway.jdbc()
			.sql("SELECT success FROM payment.flyway_schema_history WHERE version = '39'")
			.query(Boolean.class)
			.single()).as("Flyway ran it").isTrue();
		String mapped = DevBanks.mst(8809);
		String unmapped = DevBanks.mst(8810);
		gateway.pay(mapped, "OBO2026051400000003", "2026-05-14", List.of(Line.of("1052", 1_000_000)));
		payThrough(unmapped, "OBO2026051400000004", OTHER_OFFICE);
		String ofMapped = awaitProvisional(mapped);
		String ofUnmapped = awaitProvisional(unmapped);

		// booked as before the migration, with the agency's code; in a transaction rolled back, since the migration
		// reads every provisional obligation as booked so
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				setOffice(connection, ofMapped, "1054321");
				setOffice(connection, ofUnmapped, OTHER_OFFICE);

				assertThat(this.migration.remap(connection)).isGreaterThanOrEqualTo(2);

				assertThat(office(connection, ofMapped)).isEqualTo(COLLECTING_OFFICE);
				assertThat(office(connection, ofUnmapped)).isNull();
			}
			finally {
				connection.rollback();
			}
		}
	}

	private static void payThrough(String mst, String reference, String collectingAgency) {
		gateway.publishSigned(mst, DevBanks.confirmation(BANK, reference, mst, "2026-05-14",
				List.of(Line.of("1052", 1_000_000)))
			.replace("\"collectingAgencyCode\":\"1054321\"", "\"collectingAgencyCode\":\"" + collectingAgency + "\""));
	}

	private static String awaitProvisional(String mst) {
		String sql = "SELECT item_id FROM payment.obligation WHERE mst = ? AND item_id LIKE 'TAMNOP-%'";
		await().atMost(TIMEOUT).until(() -> gateway.jdbc().sql(sql).param(mst).query(String.class).optional().isPresent());
		return gateway.jdbc().sql(sql).param(mst).query(String.class).single();
	}

	private static MockHttpServletResponse balance(String mst, String token) throws Exception {
		return gateway.mvc()
			.perform(MockMvcRequestBuilders.get("/api/v1/taxpayers/" + mst + "/balance").with(bearer(token)))
			.andReturn()
			.getResponse();
	}

	private static @Nullable String office(String itemId) {
		return gateway.jdbc()
			.sql("SELECT tax_office_code FROM payment.obligation WHERE item_id = ?")
			.param(itemId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private static @Nullable String office(Connection connection, String itemId) throws Exception {
		try (PreparedStatement select = connection
			.prepareStatement("SELECT tax_office_code FROM payment.obligation WHERE item_id = ?")) {
			select.setString(1, itemId);
			try (ResultSet row = select.executeQuery()) {
				assertThat(row.next()).isTrue();
				return row.getString(1);
			}
		}
	}

	private static void setOffice(Connection connection, String itemId, String office) throws Exception {
		try (PreparedStatement update = connection
			.prepareStatement("UPDATE payment.obligation SET tax_office_code = ? WHERE item_id = ?")) {
			update.setString(1, office);
			update.setString(2, itemId);
			assertThat(update.executeUpdate()).isOne();
		}
	}

	private static ConsumerRecord<String, String> record(String topic, String mst, String value) {
		return new ConsumerRecord<>(topic, 0, 5_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L), mst,
				value);
	}

	private static String interest(String eventId, String item, String mst) {
		return """
				{"eventId":"%s","type":"InterestAssessed","version":1,"occurredAt":"2026-05-21T01:00:00Z",\
				"payableItemId":"%s","mst":"%s","chapter":"754","subItem":"4931","taxPeriod":"00/Q1/2026",\
				"amount":3000,"assessedFor":"2026-05-20","dueDate":"2026-05-20"}""".formatted(eventId, item, mst);
	}

}
