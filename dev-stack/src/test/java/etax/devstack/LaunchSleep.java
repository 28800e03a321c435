package etax.devstack;

/**
 * A child JVM's main class for {@link ServiceProcessTests}: a service that never becomes healthy, as one whose
 * start hangs. It ends by itself after two minutes, should a test fail to kill it.
 */
final class LaunchSleep {

	private LaunchSleep() {
	}

	public static void main(String[] args) throws InterruptedException {
		Thread.sleep(120_000);
	}

}
