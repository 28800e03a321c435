package etax.declaration;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

	@Test
	void featurePackagesRespectTheirBoundaries() {
		ApplicationModules.of(DeclarationApiApplication.class).verify();
	}

}
