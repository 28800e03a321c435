package etax.batch.bulk;

import java.util.Map;

import etax.batch.BatchProcessorProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Bulk filing partitions over Kafka ({@code etax.batch.bulk.remote}, docs/adr/0013-bulk-filing.md): the
 * handler a job's process sends them with, and the listener containers of the workers that file them.
 */
@Configuration(proxyBeanMethods = false)
class RemotePartitioning {

	static final String WORKER_CONTAINERS = "bulkPartitionContainers";

	@Bean
	@ConditionalOnBooleanProperty("etax.batch.bulk.remote.enabled")
	RemotePartitionHandler remotePartitionHandler(JobRepository jobRepository, KafkaTemplate<String, String> kafka,
			JsonMapper json, BatchProcessorProperties properties) {
		return new RemotePartitionHandler(BulkFilingJobConfiguration.WORKER_STEP, jobRepository, kafka, json,
				properties.bulk().remote());
	}

	/**
	 * Boot's listener settings (the error handler with back-off), with one record per poll whose offset is
	 * committed after the partition has been filed, a poll interval as long as a partition may take, and
	 * {@code etax.batch.bulk.worker-threads} consumers. Timed as this service's batch listeners are (by the
	 * container's timer, not an observation): Prometheus takes one set of tags per meter name.
	 */
	@Bean(WORKER_CONTAINERS)
	@ConditionalOnBooleanProperty("etax.batch.bulk.remote.worker")
	ConcurrentKafkaListenerContainerFactory<Object, Object> bulkPartitionContainers(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer, KafkaProperties kafka,
			BatchProcessorProperties properties) {
		Map<String, Object> consumer = kafka.buildConsumerProperties();
		consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
		consumer.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
				Math.toIntExact(properties.bulk().remote().maxPartitionTime().toMillis()));
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		configurer.configure(factory, new DefaultKafkaConsumerFactory<>(consumer));
		factory.setConcurrency(properties.bulk().workerThreads());
		factory.getContainerProperties().setObservationEnabled(false);
		return factory;
	}

}
