package etax.schemas;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Where every indicator, table and appendix of a form version lives: numbered slots for the values the
 * SAX pass extracts, their static XPaths, the names formulas use for them, and an element tree that tells
 * the extractor, element by element, which slot a leaf fills.
 *
 * <p>Names are unique per scope: the body, and each typed appendix. Formulas in the body reach an
 * appendix's names qualified with its id ({@code PL01_KHBS.ct10}); formulas of an appendix see its own
 * names first, then the body's.
 */
final class Layout {

	static final String BODY_XPATH = "/HSoThueDTu/HSoKhaiThue/CTieuTKhaiChinh";

	static final String PLUC_XPATH = "/HSoThueDTu/HSoKhaiThue/PLuc";

	/** A leaf outside tables. {@code appendix} is -1 for the body. */
	record FieldSlot(int index, String qualifiedName, FormSpec.Field field, int appendix, String xpath) {
	}

	/** A table; its rows' XPaths are {@code xpath/row[n]}. */
	record TableSlot(int index, String qualifiedName, FormSpec.Table table, int appendix, String xpath) {

		int column(String name) {
			List<FormSpec.Field> columns = this.table.columns();
			for (int i = 0; i < columns.size(); i++) {
				if (columns.get(i).name().equals(name)) {
					return i;
				}
			}
			return -1;
		}

	}

	record AppendixSlot(int index, FormSpec.Appendix appendix, String xpath) {
	}

	/** One element of the extraction tree. */
	static final class Element {

		enum Kind {

			FIELD, CONTAINER, TABLE, ROW, COLUMN, APPENDIX

		}

		final Kind kind;

		final int index;

		final Map<String, Element> children = new HashMap<>();

		Element(Kind kind, int index) {
			this.kind = kind;
			this.index = index;
		}

		@Nullable Element child(String name) {
			return this.children.get(name);
		}

	}

	private final List<FieldSlot> fields = new ArrayList<>();

	private final List<TableSlot> tables = new ArrayList<>();

	private final List<AppendixSlot> appendices = new ArrayList<>();

	/** Per scope (index 0 the body, i + 1 appendix i): name to field slot. */
	private final List<Map<String, FieldSlot>> fieldScopes = new ArrayList<>();

	private final List<Map<String, TableSlot>> tableScopes = new ArrayList<>();

	private final Map<String, AppendixSlot> appendixById = new LinkedHashMap<>();

	private final Element body = new Element(Element.Kind.CONTAINER, -1);

	private final Element pluc = new Element(Element.Kind.CONTAINER, -1);

	Layout(FormSpec spec) {
		this.fieldScopes.add(new LinkedHashMap<>());
		this.tableScopes.add(new LinkedHashMap<>());
		add(spec.body(), this.body, BODY_XPATH, -1, "", spec.key() + " body");
		for (FormSpec.Appendix appendix : spec.appendices()) {
			int index = this.appendices.size();
			String xpath = PLUC_XPATH + "/" + appendix.id();
			if (this.appendixById.containsKey(appendix.id())) {
				throw new IllegalStateException(spec.key() + ": appendix " + appendix.id() + " is listed twice");
			}
			AppendixSlot slot = new AppendixSlot(index, appendix, xpath);
			this.appendices.add(slot);
			this.appendixById.put(appendix.id(), slot);
			this.fieldScopes.add(new LinkedHashMap<>());
			this.tableScopes.add(new LinkedHashMap<>());
			Element element = new Element(Element.Kind.APPENDIX, index);
			this.pluc.children.put(appendix.id(), element);
			if (appendix.typed()) {
				add(appendix.body(), element, xpath, index, appendix.id() + ".",
						spec.key() + " appendix " + appendix.id());
			}
		}
	}

	private void add(List<FormSpec.Node> nodes, Element parent, String xpath, int appendix, String prefix, String where) {
		for (FormSpec.Node node : nodes) {
			String path = xpath + "/" + node.name();
			if (parent.children.containsKey(node.name())) {
				throw new IllegalStateException(where + ": element " + node.name() + " appears twice in " + xpath);
			}
			if (node instanceof FormSpec.Field field) {
				checkUnique(node.name(), appendix, where);
				FieldSlot slot = new FieldSlot(this.fields.size(), prefix + field.name(), field, appendix, path);
				this.fields.add(slot);
				this.fieldScopes.get(appendix + 1).put(field.name(), slot);
				parent.children.put(field.name(), new Element(Element.Kind.FIELD, slot.index()));
			}
			else if (node instanceof FormSpec.Group group) {
				Element element = new Element(Element.Kind.CONTAINER, -1);
				parent.children.put(group.name(), element);
				add(group.items(), element, path, appendix, prefix, where);
			}
			else if (node instanceof FormSpec.Table table) {
				checkUnique(table.name(), appendix, where);
				TableSlot slot = new TableSlot(this.tables.size(), prefix + table.name(), table, appendix, path);
				this.tables.add(slot);
				this.tableScopes.get(appendix + 1).put(table.name(), slot);
				Element element = new Element(Element.Kind.TABLE, slot.index());
				Element row = new Element(Element.Kind.ROW, slot.index());
				element.children.put(table.row(), row);
				for (int i = 0; i < table.columns().size(); i++) {
					String column = table.columns().get(i).name();
					if (row.children.put(column, new Element(Element.Kind.COLUMN, i)) != null) {
						throw new IllegalStateException(where + ": column " + column + " appears twice in table "
								+ table.name());
					}
				}
				parent.children.put(table.name(), element);
			}
		}
	}

	private void checkUnique(String name, int appendix, String where) {
		if (this.fieldScopes.get(appendix + 1).containsKey(name) || this.tableScopes.get(appendix + 1).containsKey(name)) {
			throw new IllegalStateException(where + ": the name " + name
					+ " is used twice; indicator and table names must be unique in a body or appendix");
		}
		if (HeaderVar.byFormulaName(name) != null) {
			throw new IllegalStateException(where + ": the name " + name + " is reserved for the envelope field");
		}
	}

	List<FieldSlot> fields() {
		return Collections.unmodifiableList(this.fields);
	}

	List<TableSlot> tables() {
		return Collections.unmodifiableList(this.tables);
	}

	List<AppendixSlot> appendices() {
		return Collections.unmodifiableList(this.appendices);
	}

	@Nullable AppendixSlot appendix(String id) {
		return this.appendixById.get(id);
	}

	/** A field by its unqualified name in a scope (-1 for the body). */
	@Nullable FieldSlot field(int scope, String name) {
		return this.fieldScopes.get(scope + 1).get(name);
	}

	@Nullable TableSlot table(int scope, String name) {
		return this.tableScopes.get(scope + 1).get(name);
	}

	/** The extraction tree under {@code CTieuTKhaiChinh}. */
	Element body() {
		return this.body;
	}

	/** The extraction tree under {@code PLuc}. */
	Element appendixRoot() {
		return this.pluc;
	}

}
