package etax.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The CPU time the local stack's processes have used, by part: each service's JVM, PostgreSQL (all its
 * processes), the dev stack's own JVM (the Kafka broker, the token issuer, the fake treasury) and this
 * benchmark, told apart by their command lines (a service by the jar it runs); and the machine's as a whole, from Linux's
 * {@code /proc/stat} (in its usual 100 ticks a second), when there is one. The difference of two readings
 * is what a stretch of a run cost, which varies less from run to run than a rate does on a machine whose
 * speed varies. It is taken process by process: a process that ends in between is not counted (its CPU time before
 * the end is not known; subtracting its whole life's from its part would take off what other processes used), one
 * that starts in between is counted whole.
 *
 * @param byPart CPU time by part, in a fixed order
 * @param machine the machine's CPU time (user, nice, system, interrupts, steal), if known
 * @param processes of a reading, each process's CPU time by its id and start, with its part; none for a use (a
 * difference of readings, or a sum of them)
 */
public record CpuTime(Map<String, Duration> byPart, @Nullable Duration machine, Map<Started, Used> processes) {

	/** A process, told apart from a later one with the same id by its start. */
	record Started(long pid, @Nullable Instant at) {

	}

	/** A process's part and CPU time so far. */
	record Used(String part, Duration cpu) {

	}

	private static final List<String> PARTS = List.of("declaration-api", "payment-gateway", "batch-processor",
			"postgresql", "dev-stack", "benchmark");

	private static final long TICKS_PER_SECOND = 100;

	/** @return the CPU time used so far */
	public static CpuTime now() {
		long self = ProcessHandle.current().pid();
		Map<String, Duration> byPart = nothingByPart();
		Map<Started, Used> processes = new HashMap<>();
		ProcessHandle.allProcesses().forEach((process) -> {
			String part = (process.pid() == self) ? "benchmark" : partOf(process.info());
			if (part != null) {
				process.info().totalCpuDuration().ifPresent((cpu) -> {
					byPart.merge(part, cpu, Duration::plus);
					processes.put(new Started(process.pid(), process.info().startInstant().orElse(null)),
							new Used(part, cpu));
				});
			}
		});
		return new CpuTime(byPart, machineTime(), processes);
	}

	/**
	 * What was used between two readings, as a use of its own: the uses of several stretches add up
	 * ({@link #plus}), and {@link #per} gives their sum per unit of work. Taken process by process: of those in
	 * both readings the difference, of those started since all, of those ended since nothing.
	 * @param start the earlier reading
	 * @return this reading less the earlier one
	 */
	public CpuTime minus(CpuTime start) {
		Map<String, Duration> byPart = nothingByPart();
		this.processes.forEach((process, used) -> {
			Used before = start.processes.get(process);
			byPart.merge(used.part(), (before != null) ? used.cpu().minus(before.cpu()) : used.cpu(), Duration::plus);
		});
		return new CpuTime(byPart, (this.machine != null && start.machine != null) ? this.machine.minus(start.machine)
				: null, Map.of());
	}

	/**
	 * @param other another reading or use
	 * @return both together
	 */
	public CpuTime plus(CpuTime other) {
		Map<String, Duration> byPart = new LinkedHashMap<>();
		PARTS.forEach((part) -> byPart.put(part,
				this.byPart.get(part).plus(other.byPart.getOrDefault(part, Duration.ZERO))));
		return new CpuTime(byPart, (this.machine != null && other.machine != null) ? this.machine.plus(other.machine)
				: null, Map.of());
	}

	/** @return no CPU time at all, to add uses to */
	public static CpuTime none() {
		return new CpuTime(nothingByPart(), Duration.ZERO, Map.of());
	}

	private static Map<String, Duration> nothingByPart() {
		Map<String, Duration> byPart = new LinkedHashMap<>();
		PARTS.forEach((part) -> byPart.put(part, Duration.ZERO));
		return byPart;
	}

	/**
	 * @param start the reading at the start of the stretch
	 * @param units how many units of work the stretch did
	 * @param unit what a unit is, for the text
	 * @return each part's CPU time per 1,000 units over the stretch, as text
	 */
	public String since(CpuTime start, long units, String unit) {
		return minus(start).per(units, unit);
	}

	/**
	 * @param units how many units of work this use did (a {@link #minus difference} of readings, or a sum of them)
	 * @param unit what a unit is, for the text
	 * @return each part's CPU time per 1,000 units, as text
	 */
	public String per(long units, String unit) {
		String parts = PARTS.stream()
			.map((part) -> String.format("%s %.2f s", part, perThousand(this.byPart.get(part), units)))
			.collect(Collectors.joining(", "));
		String machine = (this.machine != null)
				? String.format("; the machine %.2f s", perThousand(this.machine, units)) : "";
		return String.format("CPU time per 1,000 %s: %s%s", unit, parts, machine);
	}

	/**
	 * The machine's CPU time alone, for a stretch whose processes come and go (a ceiling's own connections):
	 * each process's share would miss those that ended.
	 * @param start the reading at the start of the stretch
	 * @param units how many units of work the stretch did
	 * @param unit what a unit is, for the text
	 * @return the machine's CPU time per 1,000 units over the stretch, as text
	 */
	public String machineSince(CpuTime start, long units, String unit) {
		return (this.machine != null && start.machine != null)
				? String.format("CPU time per 1,000 %s: the machine %.2f s", unit,
						perThousand(this.machine.minus(start.machine), units))
				: "CPU time of the machine unknown";
	}

	private static double perThousand(Duration cpu, long units) {
		return cpu.toNanos() / 1e9 * 1000 / Math.max(1, units);
	}

	private static @Nullable String partOf(ProcessHandle.Info info) {
		String command = info.command().orElse("");
		if (command.endsWith("/postgres")) {
			return "postgresql";
		}
		List<String> arguments = List.of(info.arguments().orElse(new String[0]));
		if (arguments.contains("etax.devstack.DevStack")) {
			return "dev-stack";
		}
		int jar = arguments.indexOf("-jar");
		if (jar >= 0 && jar + 1 < arguments.size()) {
			String file = Path.of(arguments.get(jar + 1)).getFileName().toString();
			for (String service : List.of("declaration-api", "payment-gateway", "batch-processor")) {
				if (file.startsWith(service + "-")) {
					return service;
				}
			}
		}
		return null;
	}

	private static @Nullable Duration machineTime() {
		Path stat = Path.of("/proc/stat");
		if (!Files.isReadable(stat)) {
			return null;
		}
		try {
			String[] cpu = Files.readAllLines(stat).get(0).trim().split("\\s+");
			long ticks = 0;
			// cpu user nice system idle iowait irq softirq steal
			for (int field : new int[] { 1, 2, 3, 6, 7, 8 }) {
				ticks += Long.parseLong(cpu[field]);
			}
			return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

}
