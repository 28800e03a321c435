package etax.batch.bulk;

import etax.batch.BatchProcessorProperties;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The threads that file the partitions of bulk filings, shared by every batch of this process
 * ({@code etax.batch.bulk.worker-threads}); partitions beyond them wait in the queue. Not an
 * {@link java.util.concurrent.Executor} bean, so that Boot's own task executor is unaffected.
 */
@Component
class BulkFilingWorkers implements DisposableBean {

	private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

	BulkFilingWorkers(BatchProcessorProperties properties) {
		int threads = properties.bulk().workerThreads();
		this.executor.setCorePoolSize(threads);
		this.executor.setMaxPoolSize(threads);
		this.executor.setThreadNamePrefix("bulk-filing-");
		this.executor.setDaemon(true);
		this.executor.initialize();
	}

	TaskExecutor executor() {
		return this.executor;
	}

	@Override
	public void destroy() {
		this.executor.shutdown();
	}

}
