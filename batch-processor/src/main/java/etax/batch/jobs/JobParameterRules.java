package etax.batch.jobs;

import java.time.LocalDate;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * Checks the jobs' parameters validators share.
 */
public final class JobParameterRules {

	private JobParameterRules() {
	}

	/**
	 * The day a job instance is about.
	 * @param parameters the launch's parameters
	 * @param name the parameter's name
	 * @return its value
	 * @throws InvalidJobParametersException when it is missing, not a date or not identifying
	 */
	public static LocalDate identifyingDay(JobParameters parameters, String name) throws InvalidJobParametersException {
		JobParameter<?> parameter = parameters.getParameter(name);
		if (parameter == null || !(parameter.value() instanceof LocalDate day) || !parameter.identifying()) {
			throw new InvalidJobParametersException(name + ", an identifying date, is required");
		}
		return day;
	}

}
