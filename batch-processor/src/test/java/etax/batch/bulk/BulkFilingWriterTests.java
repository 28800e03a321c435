package etax.batch.bulk;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import etax.access.Role;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import org.springframework.batch.infrastructure.item.Chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** How the writer holds what it files: one request's returns and one answer at a time, never a chunk's. */
class BulkFilingWriterTests {

	private static final UUID BATCH = UUID.randomUUID();

	private static final Filer AGENT = new Filer("agent-0100109106", Role.AGENT, "0100109106");

	private final DeclarationApi declarationApi = mock(DeclarationApi.class);

	private final BatchRepository batches = mock(BatchRepository.class);

	private final ItemRepository items = mock(ItemRepository.class);

	private final OutcomeRepository outcomes = mock(OutcomeRepository.class);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void recordsEachRequestsOutcomesBeforeTheNextRequestIsSent() throws Exception {
		ItemToFile first = new ItemToFile(1, 10);
		ItemToFile second = new ItemToFile(2, 10);
		PendingItem firstReturn = new PendingItem(BATCH, 1, new byte[10]);
		PendingItem secondReturn = new PendingItem(BATCH, 2, new byte[10]);
		ItemOutcome firstOutcome = ItemOutcome.failed(1, 500, "{}");
		ItemOutcome secondOutcome = ItemOutcome.failed(2, 500, "{}");
		when(this.batches.filer(BATCH)).thenReturn(AGENT);
		when(this.outcomes.lockPending(eq(BATCH), anyList())).thenReturn(Set.of(1, 2));
		when(this.declarationApi.requests(eq(List.of(first, second)), any()))
			.thenReturn(List.of(List.of(first), List.of(second)));
		when(this.items.contents(BATCH, List.of(1))).thenReturn(List.of(firstReturn));
		when(this.items.contents(BATCH, List.of(2))).thenReturn(List.of(secondReturn));
		when(this.declarationApi.file(AGENT, List.of(firstReturn))).thenReturn(List.of(firstOutcome));
		when(this.declarationApi.file(AGENT, List.of(secondReturn))).thenReturn(List.of(secondOutcome));
		when(this.outcomes.recordItems(eq(BATCH), anyList(), any()))
			.thenReturn(Map.of(ItemStatus.PENDING, -1, ItemStatus.FAILED, 1));
		BulkFilingWriter writer = new BulkFilingWriter(BATCH, this.declarationApi, this.batches, this.items,
				this.outcomes, this.meters, Clock.systemUTC());

		writer.write(Chunk.of(first, second));

		InOrder order = inOrder(this.items, this.declarationApi, this.outcomes);
		order.verify(this.items).contents(BATCH, List.of(1));
		order.verify(this.declarationApi).file(AGENT, List.of(firstReturn));
		order.verify(this.outcomes).recordItems(eq(BATCH), eq(List.of(firstOutcome)), any());
		order.verify(this.items).contents(BATCH, List.of(2));
		order.verify(this.declarationApi).file(AGENT, List.of(secondReturn));
		order.verify(this.outcomes).recordItems(eq(BATCH), eq(List.of(secondOutcome)), any());
		// the batch's row, which every partition counts on, once at the chunk's end
		order.verify(this.outcomes).count(BATCH, Map.of(ItemStatus.PENDING, -2, ItemStatus.FAILED, 2));
		order.verifyNoMoreInteractions();
		assertThat(this.meters.counter("etax.batch.bulkfiling.items", "outcome", "failed").count()).isEqualTo(2);
	}

}
