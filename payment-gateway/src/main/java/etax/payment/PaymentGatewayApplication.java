package etax.payment;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PaymentGatewayApplication {

	/** Business dates are Vietnamese dates; tests may replace this clock. */
	static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	public static void main(String[] args) {
		SpringApplication.run(PaymentGatewayApplication.class, args);
	}

	@Bean
	Clock clock() {
		return Clock.system(BUSINESS_ZONE);
	}

}
