package etax.batch.reconciliation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import etax.batch.BatchProcessorProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The tax office that works the lines of each collecting agency. A voucher names the agency that collected
 * it ({@code MA_CQTHU}, e.g. 1054523); officers' tokens, returns ({@code maCQTNoiNop}), the registry and bulk
 * batches name the tax office (5 digits, e.g. 99999). The mapping is configuration data
 * ({@code etax.batch.reconciliation.collecting-agency-offices}, agency → office), applied when a day is
 * classified. An agency it does not list keeps its own code as the line's office: nothing is lost and
 * national officers see the line; every run counts such lines by agency (a log line and the counter
 * {@code etax.batch.reconciliation.unmapped.lines}, tag {@code collecting.agency}), never naming a taxpayer.
 */
@Component
class CollectingAgencyOffices {

	private static final Logger log = LoggerFactory.getLogger(CollectingAgencyOffices.class);

	private final Collection<String> offices;

	private final String json;

	private final MeterRegistry meters;

	CollectingAgencyOffices(BatchProcessorProperties properties, JsonMapper json, MeterRegistry meters) {
		Map<String, String> mapping = properties.reconciliation().collectingAgencyOffices();
		this.offices = Map.copyOf(mapping).values();
		this.json = json.writeValueAsString(new TreeMap<>(mapping));
		this.meters = meters;
		log.info("Reconciliation tax offices by collecting agency mapping={}", this.json);
	}

	/**
	 * @return the mapping as a JSON object from agency to office, for the classification's statement
	 */
	String asJson() {
		return this.json;
	}

	/**
	 * Counts the lines of a day classified under an agency the mapping does not list.
	 * @param day the day just classified
	 * @param linesByOffice the day's lines per office (lines without an office left out)
	 * @return the lines under unmapped agencies, by agency
	 */
	Map<String, Long> countUnmapped(LocalDate day, Map<String, Long> linesByOffice) {
		Map<String, Long> unmapped = new TreeMap<>();
		linesByOffice.forEach((office, lines) -> {
			if (!this.offices.contains(office)) {
				unmapped.put(office, lines);
				this.meters.counter("etax.batch.reconciliation.unmapped.lines", "collecting.agency", office)
					.increment(lines);
			}
		});
		if (!unmapped.isEmpty()) {
			log.warn("Reconciliation lines of collecting agencies mapped to no tax office, kept under the agency's code "
					+ "businessDay={} linesByAgency={} (map them in etax.batch.reconciliation.collecting-agency-offices)",
					day, unmapped);
		}
		return unmapped;
	}

}
