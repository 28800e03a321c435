package etax.batch.jobs;

import java.util.List;

/**
 * A page of job executions, newest first.
 *
 * @param items the executions on this page
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param totalItems executions in all pages
 */
public record JobExecutionPage(List<JobExecutionSummary> items, int page, int size, long totalItems) {

}
