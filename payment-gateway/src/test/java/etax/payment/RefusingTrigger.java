package etax.payment;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes PostgreSQL refuse the rows of a table that match a condition with a data exception (SQLState 22023), as it
 * refuses a value no check of the gateway caught: for the tests of what a listener does then. A row trigger, so it
 * fires whatever statement writes the row; close it to drop it.
 */
public final class RefusingTrigger implements AutoCloseable {

	private final JdbcClient jdbc;

	private final String name;

	private final String table;

	private RefusingTrigger(JdbcClient jdbc, String name, String table) {
		this.jdbc = jdbc;
		this.name = name;
		this.table = table;
	}

	/**
	 * @param table the table, with its schema
	 * @param event {@code INSERT} or {@code UPDATE}
	 * @param condition on {@code NEW}, in SQL, e.g. {@code NEW.bank_reference = 'X'}
	 */
	public static RefusingTrigger on(JdbcClient jdbc, String table, String event, String condition) {
		String name = "refusing_" + UUID.randomUUID().toString().replace("-", "");
		jdbc.sql("""
				CREATE FUNCTION payment.%s() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				    IF %s THEN
				        RAISE EXCEPTION 'refused by a test' USING ERRCODE = '22023';
				    END IF;
				    RETURN NEW;
				END $$""".formatted(name, condition)).update();
		jdbc.sql("CREATE TRIGGER %s BEFORE %s ON %s FOR EACH ROW EXECUTE FUNCTION payment.%s()".formatted(name, event,
				table, name)).update();
		return new RefusingTrigger(jdbc, name, table);
	}

	@Override
	public void close() {
		this.jdbc.sql("DROP TRIGGER %s ON %s".formatted(this.name, this.table)).update();
		this.jdbc.sql("DROP FUNCTION payment.%s()".formatted(this.name)).update();
	}

}
