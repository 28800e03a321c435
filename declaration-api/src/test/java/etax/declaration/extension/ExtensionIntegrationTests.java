package etax.declaration.extension;

import etax.declaration.RegistryCalls;
import etax.devstack.DemoTaxpayers;
import etax.devstack.LocalInfrastructureInitializer;
import etax.devstack.TokenIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static etax.devstack.TestCallers.bearer;
import static etax.devstack.TestCallers.officer;
import static etax.devstack.TestCallers.taxpayer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Officers grant and revoke extensions of filing deadlines within what Law 38/2019 Art. 46 allows (R-DL-6); the
 * taxpayer reads its own, nobody else's taxpayer is found. Q1/2026 of 01/GTGT was due on Monday 4 May 2026
 * (30 April and 1 May are holidays); the 2025 CIT finalization 03/TNDN on Tuesday 31 March 2026.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
class ExtensionIntegrationTests {

	private static final String PROBLEMS = "https://etax.example/problems/";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void anOfficerOfTheTaxpayersOfficeGrantsListsAndRevokesAndTheGrantIsKept() throws Exception {
		String mst = RegistryCalls.registered(this.mvc, "70129");
		RequestPostProcessor officer = bearer(TokenIssuer.local().officer("70129"));

		JsonNode granted = body(grant(mst, officer, "842", "Q", "1/2026", "EPIDEMIC", "2026-06-03")
			.andExpect(status().isCreated()));
		String id = granted.get("id").asString();

		assertThat(granted.get("formCode").asString()).isEqualTo("01/GTGT");
		assertThat(granted.get("regularDeadline").asString()).isEqualTo("2026-05-04");
		assertThat(granted.get("deadline").asString()).as("30 days after the regular deadline").isEqualTo("2026-06-03");
		assertThat(granted.get("reason").asString()).isEqualTo("EPIDEMIC");
		assertThat(granted.at("/reasonLabel/vi").asString()).isEqualTo("Dịch bệnh");
		assertThat(granted.get("grantedBy").asString()).isEqualTo("officer-70129");
		assertThat(granted.get("revokedAt").isNull()).isTrue();
		this.mvc.perform(get("/api/v1/taxpayers/" + mst + "/extensions").with(taxpayer(mst)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(id));
		// a retry after a lost answer finds the grant; another grant waits for its revocation
		grant(mst, officer(), "842", "Q", "1/2026", "EPIDEMIC", "2026-06-03")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(id));
		grant(mst, officer, "842", "Q", "1/2026", "EPIDEMIC", "2026-05-25").andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "extension-conflict"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(id)));

		JsonNode revoked = body(this.mvc.perform(post("/api/v1/taxpayers/" + mst + "/extensions/" + id + "/revocation")
			.with(officer())).andExpect(status().isCreated()));
		this.mvc.perform(post("/api/v1/taxpayers/" + mst + "/extensions/" + id + "/revocation").with(officer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revokedBy").value("national-officer"));

		assertThat(revoked.get("revokedBy").asString()).isEqualTo("national-officer");
		assertThat(revoked.get("deadline").asString()).isEqualTo("2026-06-03");
		grant(mst, officer, "842", "Q", "1/2026", "EPIDEMIC", "2026-05-25")
			.andExpect(status().isCreated());
		this.mvc.perform(get("/api/v1/taxpayers/" + mst + "/extensions/" + id).with(officer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revokedAt").value(revoked.get("revokedAt").asString()));
		assertThatThrownBy(() -> this.jdbc.sql("UPDATE filing.deadline_extension SET deadline = deadline + 1 WHERE id = ?::uuid")
			.param(id)
			.update()).as("append-only").hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("DELETE FROM filing.deadline_extension_revocation WHERE extension_id = ?::uuid")
			.param(id)
			.update()).hasMessageContaining("append-only");
	}

	@Test
	void anExtensionIsAfterTheRegularDeadlineAndWithinThirtyDaysOrSixtyForAFinalization() throws Exception {
		String mst = RegistryCalls.registered(this.mvc, "99999");

		grant(mst, officer(), "842", "Q", "1/2026", "FIRE", "2026-06-04").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-extension"))
			.andExpect(jsonPath("$.field").value("deadline"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("2026-06-03 at the latest")));
		grant(mst, officer(), "842", "Q", "1/2026", "FIRE", "2026-05-04").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("deadline"));
		grant(mst, officer(), "892", "Y", "2025", "FIRE", "2026-05-30").andExpect(status().isCreated())
			.andExpect(jsonPath("$.regularDeadline").value("2026-03-31"));
		grant(mst, officer(), "892", "Y", "2025", "FIRE", "2026-05-31").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("deadline"));
		grant(mst, officer(), "892", "K", "01/04/2025-31/03/2026", "FIRE", "2026-08-29").andExpect(status().isCreated())
			.andExpect(jsonPath("$.regularDeadline").value("2026-06-30"));
		// an annual return by the finalizations' deadline (04/TNDN, DLY3) is not one: 30 days (Art. 46(2))
		grant(mst, officer(), "833", "Y", "2025", "FIRE", "2026-05-01").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("deadline"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("2026-04-30 at the latest")))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("finalization"))));
		grant(mst, officer(), "833", "Y", "2025", "FIRE", "2026-04-30").andExpect(status().isCreated());
		// a foreign contractor's finalization (02/NTNN, rule D45) is a finalization too
		grant(mst, officer(), "921", "Y", "2025", "FIRE", "2026-12-31").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("deadline"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("at most 60 days after")))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("(a finalization)")));
	}

	@Test
	void theTaxpayersRequestReachedTheOfficeByTheRegularDeadlineAndNotAfterToday() throws Exception {
		String mst = RegistryCalls.registered(this.mvc, "99999");

		grant(mst, officer(), "842", "Q", "1/2026", "FIRE", "2026-05-04", "2026-05-20").andExpect(status().isCreated())
			.andExpect(jsonPath("$.requestedOn").value("2026-05-04"));
		grant(mst, officer(), "842", "Q", "1/2026", "FIRE", "2026-05-05", "2026-05-20").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-extension"))
			.andExpect(jsonPath("$.field").value("requestedOn"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Art. 46(3)")));
		String tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1).toString();
		grant(mst, officer(), "892", "Y", "2026", "FIRE", tomorrow, "2027-04-30").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("requestedOn"));
		grant(mst, officer(), "842", "Q", "1/2026", "FIRE", null, "2026-05-20").andExpect(status().isBadRequest());

		assertThat(this.jdbc.sql("SELECT count(*) FROM filing.deadline_extension WHERE mst = ?").param(mst)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void refusesAReasonNotOnTheListAndPeriodsTheFormDoesNotHave() throws Exception {
		String mst = RegistryCalls.registered(this.mvc, "99999");

		grant(mst, officer(), "842", "Q", "1/2026", "BUSY", "2026-05-20").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-extension"))
			.andExpect(jsonPath("$.field").value("reason"));
		grant(mst, officer(), "842", "Q", "01/2026", "FIRE", "2026-05-20").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("period"));
		grant(mst, officer(), "842", "Y", "2025", "FIRE", "2026-05-20").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("periodKind"));
		// the 01/GTGT of TT80 (842) covers periods from 2022
		grant(mst, officer(), "842", "M", "02/2021", "FIRE", "2021-03-25").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("period"));
		grant(mst, officer(), "99", "M", "02/2026", "FIRE", "2026-03-25").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("maTKhai"));
		grant(mst, officer(), "842", "M", "02/2026", null, "2026-03-25").andExpect(status().isBadRequest());

		assertThat(this.jdbc.sql("SELECT count(*) FROM filing.deadline_extension WHERE mst = ?").param(mst)
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * A grant is for a period a return of the form declares (CTX-PER-05, CTX-PER-06): the 2026 of 03/TNDN is filed as
	 * the year 2026, so a grant for the range 01/01/2026-31/12/2026 would never apply, and a fiscal year is at most 15
	 * months. A foreign contractor's contract (02/NTNN) lasts as long as it does.
	 */
	@Test
	void aGrantIsForAPeriodAReturnOfTheFormDeclares() throws Exception {
		String mst = RegistryCalls.registered(this.mvc, "99999");

		grant(mst, officer(), "892", "K", "01/01/2026-31/12/2026", "FIRE", "2027-04-30")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-extension"))
			.andExpect(jsonPath("$.field").value("periodKind"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("periodKind Y, period 2026")));
		grant(mst, officer(), "892", "N", "01/01/2025-31/12/2025", "FIRE", "2026-04-30")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("periodKind"));
		grant(mst, officer(), "892", "K", "01/01/2022-31/12/2025", "FIRE", "2026-04-30")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-extension"))
			.andExpect(jsonPath("$.field").value("period"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("longer than 15 months")));
		grant(mst, officer(), "892", "K", "01/01/2025-01/04/2026", "FIRE", "2026-07-30")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("period"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM filing.deadline_extension WHERE mst = ?").param(mst)
			.query(Long.class)
			.single()).isZero();

		grant(mst, officer(), "892", "K", "01/01/2025-31/03/2026", "FIRE", "2026-07-30").andExpect(status().isCreated())
			.andExpect(jsonPath("$.regularDeadline").value("2026-06-30"));
		grant(mst, officer(), "921", "K", "01/06/2023-30/11/2025", "FIRE", "2026-01-10", "2026-02-20")
			.andExpect(status().isCreated());
	}

	@Test
	void anotherOfficesOfficerAndAnotherTaxpayerFindNoTaxpayerAndATaxpayerGrantsNothing() throws Exception {
		String mst = RegistryCalls.registered(this.mvc, "70129");
		String other = RegistryCalls.registered(this.mvc, "70129");
		String id = body(grant(mst, officer(), "842", "Q", "1/2026", "ACCIDENT", "2026-05-20")
			.andExpect(status().isCreated())).get("id").asString();
		RequestPostProcessor elsewhere = bearer(TokenIssuer.local().officer("81500"));

		grant(mst, elsewhere, "842", "Q", "1/2026", "ACCIDENT", "2026-05-20").andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "taxpayer-not-found"));
		this.mvc.perform(get("/api/v1/taxpayers/" + mst + "/extensions").with(elsewhere)).andExpect(status().isNotFound());
		this.mvc.perform(post("/api/v1/taxpayers/" + mst + "/extensions/" + id + "/revocation").with(elsewhere))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/taxpayers/" + mst + "/extensions").with(taxpayer(other)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "taxpayer-not-found"));
		this.mvc.perform(get("/api/v1/taxpayers/" + other + "/extensions/" + id).with(officer()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "extension-not-found"));
		grant(mst, taxpayer(mst), "842", "Q", "1/2026", "ACCIDENT", "2026-05-20").andExpect(status().isForbidden());
		this.mvc.perform(post("/api/v1/taxpayers/" + mst + "/extensions/" + id + "/revocation").with(taxpayer(mst)))
			.andExpect(status().isForbidden());
		grant(DemoTaxpayers.newMst(), officer(), "842", "Q", "1/2026", "ACCIDENT", "2026-05-20")
			.andExpect(status().isNotFound());
	}

	/** Grants an extension requested in January 2026, before any regular deadline granted here. */
	private ResultActions grant(String mst, RequestPostProcessor caller, String maTKhai, String kind, String period,
			String reason, String deadline) throws Exception {
		return grant(mst, caller, maTKhai, kind, period, reason, "2026-01-20", deadline);
	}

	private ResultActions grant(String mst, RequestPostProcessor caller, String maTKhai, String kind, String period,
			String reason, String requestedOn, String deadline) throws Exception {
		String body = "{\"maTKhai\":\"" + maTKhai + "\",\"periodKind\":\"" + kind + "\",\"period\":\"" + period + "\","
				+ ((reason != null) ? "\"reason\":\"" + reason + "\"," : "")
				+ ((requestedOn != null) ? "\"requestedOn\":\"" + requestedOn + "\"," : "")
				+ "\"deadline\":\"" + deadline + "\"}";
		return this.mvc.perform(post("/api/v1/taxpayers/" + mst + "/extensions").with(caller)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private JsonNode body(ResultActions result) throws Exception {
		return this.json.readTree(result.andReturn().getResponse().getContentAsString());
	}

}
