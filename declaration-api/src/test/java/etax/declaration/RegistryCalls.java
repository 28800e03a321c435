package etax.declaration;

import etax.devstack.DemoTaxpayers;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static etax.devstack.TestCallers.officer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The registry's requests that tests of what officers record about a taxpayer make first. */
public final class RegistryCalls {

	private RegistryCalls() {
	}

	/**
	 * Registers a fresh active, e-filing, quarterly taxpayer through the API, as a national officer.
	 * @param mvc the application under test
	 * @param taxOffice its managing tax office
	 * @return its MST
	 */
	public static String registered(MockMvc mvc, String taxOffice) throws Exception {
		return registered(mvc, taxOffice, "754");
	}

	/**
	 * Registers a new active quarterly filer enrolled for e-filing whose payments are booked under a budget chapter.
	 * @param mvc the application under test
	 * @param taxOffice its managing tax office
	 * @param chapter its budget chapter, e.g. {@code 757} for a household business
	 * @return its MST
	 */
	public static String registered(MockMvc mvc, String taxOffice, String chapter) throws Exception {
		String mst = DemoTaxpayers.newMst();
		mvc.perform(post("/api/v1/taxpayers").with(officer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"mst\":\"" + mst + "\",\"name\":\"CÔNG TY THỬ NGHIỆM\",\"status\":\"ACTIVE\",\"eFiling\":true,"
					+ "\"filingFrequency\":\"Q\",\"taxOfficeCode\":\"" + taxOffice + "\",\"chapter\":\"" + chapter + "\"}"))
			.andExpect(status().isCreated());
		return mst;
	}

}
