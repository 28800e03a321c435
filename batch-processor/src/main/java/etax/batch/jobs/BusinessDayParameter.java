package etax.batch.jobs;

import java.time.LocalDate;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * The business day a daily job runs for: an identifying {@link LocalDate} parameter, checked by the job's
 * validator on every launch and restart.
 */
public final class BusinessDayParameter {

	private BusinessDayParameter() {
	}

	/**
	 * @param parameters the job's parameters
	 * @param name the parameter's name
	 * @return the day
	 * @throws InvalidJobParametersException when it is missing, not a date or not identifying
	 */
	public static LocalDate require(JobParameters parameters, String name) throws InvalidJobParametersException {
		JobParameter<?> parameter = parameters.getParameter(name);
		if (parameter == null || !(parameter.value() instanceof LocalDate day) || !parameter.identifying()) {
			throw new InvalidJobParametersException(name + ", an identifying date, is required");
		}
		return day;
	}

}
