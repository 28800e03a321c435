package etax.batch.reconciliation;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

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
 * classified. The lines of an agency it does not list are under {@value #UNMAPPED} and the agency's code, which no
 * office's code is: nothing is lost and national officers see the line. Under the agency's code alone (3 to 7
 * digits), an agency whose code was an office's gave that office's officers its lines, payers and resolutions. Every
 * run counts such lines by agency (a log line naming at most {@value #MAX_LOGGED} agencies and the counter
 * {@code etax.batch.reconciliation.unmapped.lines}, tag {@code collecting.agency}: the first {@value #MAX_TAGGED}
 * agencies by their code, any later one as {@value #OTHER_AGENCIES}), never naming a taxpayer.
 */
@Component
class CollectingAgencyOffices {

	private static final Logger log = LoggerFactory.getLogger(CollectingAgencyOffices.class);

	/** What the office of an unmapped agency's line starts with, before the agency's code. */
	static final String UNMAPPED = "agency ";

	/**
	 * The most agencies counted under a tag of their own, in a process's life: past them (a bank file whose
	 * {@code MA_CQTHU} is a running number), {@value #OTHER_AGENCIES}, so that the meters stay few.
	 */
	static final int MAX_TAGGED = 100;

	/** The tag of the unmapped lines of agencies past {@link #MAX_TAGGED}. */
	static final String OTHER_AGENCIES = "other";

	/** The most agencies a log line names. */
	static final int MAX_LOGGED = 20;

	private final String json;

	private final MeterRegistry meters;

	private final Set<String> tagged = new HashSet<>();

	CollectingAgencyOffices(BatchProcessorProperties properties, JsonMapper json, MeterRegistry meters) {
		Map<String, String> mapping = properties.reconciliation().collectingAgencyOffices();
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
			if (office.startsWith(UNMAPPED)) {
				String agency = office.substring(UNMAPPED.length());
				unmapped.put(agency, lines);
				this.meters.counter("etax.batch.reconciliation.unmapped.lines", "collecting.agency", tagOf(agency))
					.increment(lines);
			}
		});
		if (!unmapped.isEmpty()) {
			Map<String, Long> named = unmapped.entrySet()
				.stream()
				.limit(MAX_LOGGED)
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, TreeMap::new));
			log.warn("Reconciliation lines of collecting agencies mapped to no tax office, kept for national officers "
					+ "businessDay={} agencies={} linesByAgency={} (map them in "
					+ "etax.batch.reconciliation.collecting-agency-offices)", day, unmapped.size(), named);
		}
		return unmapped;
	}

	private String tagOf(String agency) {
		synchronized (this.tagged) {
			return (this.tagged.contains(agency) || (this.tagged.size() < MAX_TAGGED && this.tagged.add(agency))) ? agency
					: OTHER_AGENCIES;
		}
	}

}
