package etax.access;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A caller is what its role makes it: the claims of other roles are dropped, so that nothing is scoped by them. */
class CallerTests {

	@Test
	void aCallerKeepsOnlyTheClaimsOfItsRole() {
		Caller tvan = new Caller("tvan-1", Role.TVAN, "0100109106", "99999", "01202001");

		assertThat(tvan.mst()).isNull();
		assertThat(tvan.taxOffice()).isNull();
		assertThat(tvan.bank()).isNull();
		assertThat(new Caller("agent", Role.AGENT, "0100109106", "99999", null).taxOffice()).isNull();
	}

}
