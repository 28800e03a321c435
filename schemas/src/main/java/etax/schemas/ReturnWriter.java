package etax.schemas;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Writes a generated return as the filing software would: the envelope of VN-ETAX.md §1.7 with the
 * generated header, the body in spec order, and the present appendices. Empty values are self-closed.
 */
final class ReturnWriter {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

	private final StringBuilder out = new StringBuilder(4096);

	private final CompiledForm form;

	private final ReturnValues values;

	private ReturnWriter(CompiledForm form, ReturnValues values) {
		this.form = form;
		this.values = values;
	}

	static byte[] write(CompiledForm form, GeneratedHeader header, ReturnValues values) {
		ReturnWriter writer = new ReturnWriter(form, values);
		writer.document(header);
		return writer.out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private void document(GeneratedHeader header) {
		FormSpec spec = this.form.spec;
		this.out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		open(0, "HSoThueDTu xmlns=\"http://kekhaithue.gdt.gov.vn/TKhaiThue\" "
				+ "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"");
		open(1, "HSoKhaiThue id=\"ID_1\"");
		open(2, "TTinChung");
		open(3, "TTinDVu");
		leaf(4, "maDVu", "HTKK");
		leaf(4, "tenDVu", "HỖ TRỢ KÊ KHAI THUẾ");
		leaf(4, "pbanDVu", "5.7.6");
		leaf(4, "ttinNhaCCapDVu", "00000000000000000000000000000000");
		close(3, "TTinDVu");
		open(3, "TTinTKhaiThue");
		open(4, "TKhaiThue");
		leaf(5, "maTKhai", spec.maTKhai());
		leaf(5, "tenTKhai", spec.name().vi().toUpperCase(new Locale("vi")) + " (Mẫu số " + spec.form() + ")");
		leaf(5, "moTaBMau", "(Ban hành kèm theo Thông tư số " + spec.circular() + ")");
		leaf(5, "pbanTKhaiXML", spec.version());
		leaf(5, "loaiTKhai", header.filingType());
		leaf(5, "soLan", Integer.toString(header.submissionNumber()));
		open(5, "KyKKhaiThue");
		TaxPeriod period = header.period();
		leaf(6, "kieuKy", period.kind());
		leaf(6, "kyKKhai", period.value());
		leaf(6, "kyKKhaiTuNgay", (period.from() != null) ? period.from().format(DAY) : "");
		leaf(6, "kyKKhaiDenNgay", (period.to() != null) ? period.to().format(DAY) : "");
		leaf(6, "kyKKhaiTuThang", "");
		leaf(6, "kyKKhaiDenThang", "");
		close(5, "KyKKhaiThue");
		leaf(5, "maCQTNoiNop", header.taxOfficeCode());
		leaf(5, "tenCQTNoiNop", "Thuế cơ sở (mẫu)");
		leaf(5, "ngayLapTKhai", header.createdOn().toString());
		open(5, "GiaHan");
		leaf(6, "maLyDoGiaHan", "");
		leaf(6, "lyDoGiaHan", "");
		close(5, "GiaHan");
		leaf(5, "nguoiKy", "NGUYỄN VĂN A");
		leaf(5, "ngayKy", header.createdOn().toString());
		leaf(5, "nganhNgheKD", "");
		close(4, "TKhaiThue");
		open(4, "NNT");
		leaf(5, "mst", header.mst());
		leaf(5, "tenNNT", header.taxpayerName());
		leaf(5, "dchiNNT", "Số 1 Đường Mẫu");
		leaf(5, "phuongXa", "");
		leaf(5, "maHuyenNNT", "");
		leaf(5, "tenHuyenNNT", "");
		leaf(5, "maTinhNNT", "701");
		leaf(5, "tenTinhNNT", "Thành phố Hồ Chí Minh");
		leaf(5, "dthoaiNNT", "");
		leaf(5, "faxNNT", "");
		leaf(5, "emailNNT", "");
		close(4, "NNT");
		if (header.agentMst() != null) {
			open(4, "DLyThue");
			leaf(5, "tenDLyThue", "CÔNG TY ĐẠI LÝ THUẾ MẪU");
			leaf(5, "mstDLyThue", header.agentMst());
			close(4, "DLyThue");
		}
		close(3, "TTinTKhaiThue");
		close(2, "TTinChung");
		open(2, "CTieuTKhaiChinh");
		nodes(spec.body(), 3);
		close(2, "CTieuTKhaiChinh");
		appendices();
		close(1, "HSoKhaiThue");
		close(0, "HSoThueDTu");
	}

	private void appendices() {
		List<Layout.AppendixSlot> appendices = this.form.layout.appendices();
		if (appendices.stream().noneMatch((appendix) -> this.values.hasAppendix(appendix.index()))) {
			return;
		}
		open(2, "PLuc");
		for (Layout.AppendixSlot appendix : appendices) {
			if (!this.values.hasAppendix(appendix.index())) {
				continue;
			}
			List<FormSpec.Node> body = appendix.appendix().body();
			if (body == null || body.isEmpty()) {
				leaf(3, appendix.appendix().id(), "");
				continue;
			}
			open(3, appendix.appendix().id());
			nodes(body, 4);
			close(3, appendix.appendix().id());
		}
		close(2, "PLuc");
	}

	private void nodes(List<FormSpec.Node> nodes, int depth) {
		for (FormSpec.Node node : nodes) {
			if (node instanceof FormSpec.Field field) {
				Layout.FieldSlot slot = slot(field);
				String text = this.values.text(slot.index());
				if (text != null || !field.optional()) {
					leaf(depth, field.name(), (text != null) ? text : "");
				}
			}
			else if (node instanceof FormSpec.Group group) {
				open(depth, group.name());
				nodes(group.items(), depth + 1);
				close(depth, group.name());
			}
			else {
				table((FormSpec.Table) node, depth);
			}
		}
	}

	private void table(FormSpec.Table table, int depth) {
		Layout.TableSlot slot = this.form.layout.tables()
			.stream()
			.filter((candidate) -> candidate.table() == table)
			.findFirst()
			.orElseThrow();
		List<ReturnValues.Row> rows = this.values.rows(slot.index());
		if (rows.isEmpty()) {
			leaf(depth, table.name(), "");
			return;
		}
		open(depth, table.name());
		for (int i = 0; i < rows.size(); i++) {
			open(depth + 1, table.row() + " id=\"ID_" + (i + 1) + "\"");
			for (int column = 0; column < table.columns().size(); column++) {
				String text = rows.get(i).text(column);
				if (text != null || !table.columns().get(column).optional()) {
					leaf(depth + 2, table.columns().get(column).name(), (text != null) ? text : "");
				}
			}
			close(depth + 1, table.row());
		}
		close(depth, table.name());
	}

	private Layout.FieldSlot slot(FormSpec.Field field) {
		for (Layout.FieldSlot slot : this.form.layout.fields()) {
			if (slot.field() == field) {
				return slot;
			}
		}
		throw new IllegalStateException("field outside the layout: " + field.name());
	}

	private void open(int depth, String tag) {
		this.out.append("  ".repeat(depth)).append('<').append(tag).append(">\n");
	}

	private void close(int depth, String name) {
		this.out.append("  ".repeat(depth)).append("</").append(name).append(">\n");
	}

	private void leaf(int depth, String name, @Nullable String text) {
		this.out.append("  ".repeat(depth));
		if (text == null || text.isEmpty()) {
			this.out.append('<').append(name).append("/>\n");
		}
		else {
			this.out.append('<')
				.append(name)
				.append('>')
				.append(FormXsdWriter.text(text))
				.append("</")
				.append(name)
				.append(">\n");
		}
	}

}
