package etax.schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReturnValidatorConcurrencyTests {

	private static final int THREADS = 8;

	private static final int ROUNDS = 200;

	@Test
	void oneValidatorServesManyThreads() throws Exception {
		ReturnValidator validator = ReturnValidator.withDefaults();
		byte[] valid = Samples.read("842", "2.8.3", "01_GTGT_Q1-2026.xml");
		byte[] invalid = TestReturns.read("invalid/three-errors.xml");
		Validation expectedValid = validator.validate(valid);
		Validation expectedInvalid = validator.validate(invalid);
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> results = new ArrayList<>();
			for (int thread = 0; thread < THREADS; thread++) {
				int offset = thread;
				results.add(pool.submit(() -> {
					start.await();
					for (int round = 0; round < ROUNDS; round++) {
						boolean pickValid = (round + offset) % 3 != 0;
						Validation validation = validator.validate(pickValid ? valid : invalid);
						assertThat(validation).isEqualTo(pickValid ? expectedValid : expectedInvalid);
					}
					return ROUNDS;
				}));
			}
			start.countDown();
			for (Future<Integer> result : results) {
				assertThat(result.get(2, TimeUnit.MINUTES)).isEqualTo(ROUNDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
