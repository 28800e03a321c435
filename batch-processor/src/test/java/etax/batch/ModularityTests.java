package etax.batch;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

	@Test
	void featurePackagesAreModulesWithoutCyclesOrInternalAccess() {
		ApplicationModules.of(BatchProcessorApplication.class).verify();
	}

}
