package etax.declaration.taxpayer;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import etax.ids.TaxpayerId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who may file, how often, and for whom: the registry the context rules consult. */
@Service
public class TaxpayerRegistry {

	private final TaxpayerRepository repository;

	TaxpayerRegistry(TaxpayerRepository repository) {
		this.repository = repository;
	}

	public Optional<Taxpayer> find(String mst) {
		return this.repository.find(mst);
	}

	/**
	 * Whether an agent may file for a taxpayer on a day.
	 * @param agentMst the agent
	 * @param taxpayerMst the taxpayer
	 * @param day the day of signing or filing
	 * @return whether a contract between them is in force that day
	 */
	public boolean mayFileFor(String agentMst, String taxpayerMst, LocalDate day) {
		return this.repository.hasContract(agentMst, taxpayerMst, day);
	}

	@Transactional
	public Taxpayer register(Taxpayer taxpayer) {
		requireValid(taxpayer.mst());
		this.repository.save(taxpayer);
		return taxpayer;
	}

	@Transactional
	public AgentContract register(AgentContract contract) {
		requireValid(contract.agentMst());
		requireValid(contract.taxpayerMst());
		this.repository.save(contract);
		return contract;
	}

	@Transactional
	public Certificate register(Certificate certificate) {
		requireValid(certificate.mst());
		this.repository.save(certificate);
		return certificate;
	}

	public List<Certificate> certificates(String mst) {
		return this.repository.certificates(mst);
	}

	private static void requireValid(String mst) {
		if (!TaxpayerId.isValid(mst)) {
			throw new InvalidRegistrationException("Not a valid MST (format or check digit)");
		}
	}

}
