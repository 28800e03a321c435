package etax.devstack;

/**
 * A child JVM's main class for {@link ServiceProcessTests}: prints the arguments and the
 * {@code SPRING_APPLICATION_JSON} it was started with, then ends.
 */
final class LaunchEcho {

	private LaunchEcho() {
	}

	public static void main(String[] args) {
		System.out.println("args=" + String.join(" ", args));
		System.out.println("env=" + System.getenv("SPRING_APPLICATION_JSON"));
	}

}
