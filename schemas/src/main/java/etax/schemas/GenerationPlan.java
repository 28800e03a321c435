package etax.schemas;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The order in which the generator fills a form version: every field, table and appendix after whatever
 * its formulas read ({@code derive}, {@code generate}, {@code when}), in spec order where nothing forces
 * another. Computed when the catalog loads, so that a cycle is an authoring error, not a generator hang.
 */
final class GenerationPlan {

	enum Kind {

		FIELD, TABLE, APPENDIX

	}

	record Step(Kind kind, int index) {
	}

	private final List<Step> steps;

	private final int[][] columnOrder;

	GenerationPlan(CompiledForm form) {
		Layout layout = form.layout;
		List<Step> nodes = new ArrayList<>();
		List<Set<Step>> dependencies = new ArrayList<>();
		for (Layout.AppendixSlot appendix : layout.appendices()) {
			nodes.add(new Step(Kind.APPENDIX, appendix.index()));
			dependencies.add(reads(form.when[appendix.index()], -1));
		}
		for (Layout.FieldSlot field : layout.fields()) {
			nodes.add(new Step(Kind.FIELD, field.index()));
			Set<Step> needs = reads(form.formula(field.index()), -1);
			if (field.appendix() >= 0) {
				needs.add(new Step(Kind.APPENDIX, field.appendix()));
			}
			dependencies.add(needs);
		}
		this.columnOrder = new int[layout.tables().size()][];
		for (Layout.TableSlot table : layout.tables()) {
			nodes.add(new Step(Kind.TABLE, table.index()));
			Set<Step> needs = new LinkedHashSet<>();
			List<Set<Integer>> columnNeeds = new ArrayList<>();
			for (int column = 0; column < table.table().columns().size(); column++) {
				Set<Integer> local = new LinkedHashSet<>();
				Expr formula = form.columnFormula(table.index(), column);
				needs.addAll(reads(formula, table.index(), local));
				columnNeeds.add(local);
			}
			if (table.appendix() >= 0) {
				needs.add(new Step(Kind.APPENDIX, table.appendix()));
			}
			needs.remove(new Step(Kind.TABLE, table.index()));
			dependencies.add(needs);
			this.columnOrder[table.index()] = order(columnNeeds, form.spec.key() + " table " + table.qualifiedName());
		}
		this.steps = sort(nodes, dependencies, form.spec.key());
	}

	List<Step> steps() {
		return this.steps;
	}

	/** The order in which a row's columns are filled. */
	int[] columnOrder(int table) {
		return this.columnOrder[table];
	}

	private static Set<Step> reads(@org.jspecify.annotations.Nullable Expr formula, int table) {
		return reads(formula, table, new LinkedHashSet<>());
	}

	private static Set<Step> reads(@org.jspecify.annotations.Nullable Expr formula, int table, Set<Integer> columns) {
		Set<Step> needs = new LinkedHashSet<>();
		if (formula == null) {
			return needs;
		}
		formula.reads(new Expr.Reads() {

			@Override
			public void field(int slot) {
				needs.add(new Step(Kind.FIELD, slot));
			}

			@Override
			public void column(int owner, int column) {
				if (owner == table) {
					columns.add(column);
				}
			}

			@Override
			public void table(int other) {
				needs.add(new Step(Kind.TABLE, other));
			}

			@Override
			public void appendix(int appendix) {
				needs.add(new Step(Kind.APPENDIX, appendix));
			}

			@Override
			public void header(HeaderVar variable) {
				// the envelope is generated first
			}

		});
		return needs;
	}

	private static List<Step> sort(List<Step> nodes, List<Set<Step>> dependencies, String where) {
		List<Step> sorted = new ArrayList<>();
		Set<Step> done = new LinkedHashSet<>();
		boolean progress = true;
		while (sorted.size() < nodes.size() && progress) {
			progress = false;
			for (int i = 0; i < nodes.size(); i++) {
				Step node = nodes.get(i);
				if (!done.contains(node) && done.containsAll(dependencies.get(i))) {
					sorted.add(node);
					done.add(node);
					progress = true;
				}
			}
		}
		if (sorted.size() < nodes.size()) {
			List<Step> stuck = nodes.stream().filter((node) -> !done.contains(node)).toList();
			throw new IllegalStateException(where + ": formulas depend on each other in a cycle among " + stuck);
		}
		return List.copyOf(sorted);
	}

	private static int[] order(List<Set<Integer>> needs, String where) {
		int[] order = new int[needs.size()];
		boolean[] done = new boolean[needs.size()];
		int count = 0;
		boolean progress = true;
		while (count < needs.size() && progress) {
			progress = false;
			for (int column = 0; column < needs.size(); column++) {
				int self = column;
				if (!done[column] && needs.get(column).stream().allMatch((need) -> done[need] || need == self)) {
					done[column] = true;
					order[count++] = column;
					progress = true;
				}
			}
		}
		if (count < needs.size()) {
			throw new IllegalStateException(where + ": column formulas depend on each other in a cycle");
		}
		return order;
	}

}
