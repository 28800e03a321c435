package etax.batch.interest;

import java.util.List;

/**
 * A page of completed runs, the latest day first.
 *
 * @param items the runs on this page
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param totalItems runs in all pages
 */
public record InterestRunPage(List<InterestRun> items, int page, int size, long totalItems) {

}
